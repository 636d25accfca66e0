#include "loom/pipeline/feature_union.hpp"

#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "encoding_fixtures.hpp"
#include "loom/core/registry.hpp"
#include "loom/pipeline/step_json.hpp"

using loom::FeatureMatrix;
using loom::pipeline::FeatureUnion;

TEST_CASE("FeatureUnion stacks outputs as scikit-learn does", "[features][feature_union]") {
  const auto fixture = loom::test::load_fixture("features_encoding/feature_union.json");
  const auto& cases = fixture["cases"];
  const std::vector<std::string> names{"height", "width"};
  for (const auto& test_case : cases) {
    auto step = loom::make_step(test_case["spec"]);
    auto& union_step = dynamic_cast<FeatureUnion&>(*step);
    const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
    const loom::Table output = union_step.fit_transform(FeatureMatrix(x, names), nullptr);
    CHECK(output.column_names() == loom::test::to_strings(test_case["feature_names_out"]));
    CHECK(union_step.feature_names_out() == output.column_names());
    CHECK(loom::test::all_close(output.to_dense("test"),
                                loom::test::to_matrix(test_case["transformed"]), 1e-12));
    const Eigen::MatrixXd x_new = loom::test::to_matrix(test_case["X_new"]);
    CHECK(loom::test::all_close(union_step.transform(FeatureMatrix(x_new, names)).to_dense("test"),
                                loom::test::to_matrix(test_case["transformed_new"]), 1e-12));
    // Through the pipeline JSON form (spec + state), as a saved model stores it.
    auto restored = loom::pipeline::step_from_json(
        nlohmann::json::parse(loom::pipeline::step_to_json(union_step).dump()));
    CHECK(dynamic_cast<FeatureUnion&>(*restored)
              .transform(FeatureMatrix(x_new, names))
              .to_dense("test") ==
          union_step.transform(FeatureMatrix(x_new, names)).to_dense("test"));
    CHECK(union_step.get_param("poly.degree") == 2);
    union_step.set_param("poly.degree", 3);
    CHECK(union_step.get_param("poly.degree") == 3);
  }
}

TEST_CASE("FeatureUnion names the problem in bad specs", "[features][feature_union][errors]") {
  const FeatureMatrix x(Eigen::MatrixXd::Ones(2, 1), {"p"});
  FeatureUnion union_step;
  union_step.set_name("union");
  CHECK_LOOM_THROWS(union_step.transform(x), loom::NotFittedError, "FeatureUnion \"union\"");
  CHECK_LOOM_THROWS(union_step.set_param("transformer_list", {{{"name", "a"}}}), loom::ParseError,
                    "\"type\"");
  CHECK_LOOM_THROWS(
      union_step.set_param("transformer_list", {{{"name", "a"}, {"type", "MinMaxScaler"}},
                                                {{"name", "a"}, {"type", "MaxAbsScaler"}}}),
      loom::ParameterError, "duplicate transformer name \"a\"");
  union_step.set_param("transformer_list", {{{"name", "a"}, {"type", "MinMaxScaler"}}});
  union_step.set_param("transformer_weights", {{"b", 2}});
  CHECK_LOOM_THROWS(union_step.fit(x, nullptr), loom::ParameterError, "\"b\"");
  CHECK_LOOM_THROWS(union_step.set_param("c.degree", 2), loom::ParameterError,
                    "no transformer named \"c\"");
  union_step.set_param("transformer_weights", nullptr);
  union_step.fit(x, nullptr);
  CHECK_LOOM_THROWS(union_step.transform(FeatureMatrix(Eigen::MatrixXd::Ones(2, 1), {"q"})),
                    loom::SchemaError, "missing: \"p\"");
}
