#include "loom/features/tfidf_transformer.hpp"

#include <catch2/catch.hpp>
#include <limits>

#include "check_throws.hpp"
#include "extraction_support.hpp"

using loom::features::TfidfTransformer;

TEST_CASE("TfidfTransformer matches scikit-learn", "[features][tfidf_transformer]") {
  const auto fixture = loom::test::load_fixture("features_extraction/tfidf_transformer.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["params"].dump()) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      std::vector<std::string> names;
      for (Eigen::Index j = 0; j < x.cols(); ++j)
        names.push_back("t" + std::to_string(j));
      TfidfTransformer transformer;
      transformer.set_params(test_case["params"]);
      transformer.fit(loom::FeatureMatrix(x, names));
      if (!test_case["idf"].is_null()) {
        const auto& idf = test_case["idf"];
        for (std::size_t j = 0; j < idf.size(); ++j) {
          const double expected =
              idf[j].is_string() ? std::numeric_limits<double>::infinity() : idf[j].get<double>();
          CHECK((
              expected == transformer.idf()(static_cast<Eigen::Index>(j)) ||
              loom::test::close(transformer.idf()(static_cast<Eigen::Index>(j)), expected, 1e-12)));
        }
      }
      // Dense and sparse input give the same sparse output.
      const auto dense_out = transformer.transform(loom::FeatureMatrix(x, names));
      const auto sparse_out =
          transformer.transform(loom::FeatureMatrix(loom::SparseMatrix(x.sparseView()), names));
      REQUIRE(dense_out.is_sparse());
      CHECK(loom::test::all_close(Eigen::MatrixXd(dense_out.matrix().sparse()),
                                  loom::test::to_matrix(test_case["transformed"]), 1e-12));
      CHECK(Eigen::MatrixXd(sparse_out.matrix().sparse()) ==
            Eigen::MatrixXd(dense_out.matrix().sparse()));
      CHECK(transformer.feature_names_out() == names);
    }
  }
}

TEST_CASE("TfidfTransformer checks its input", "[features][tfidf_transformer][errors]") {
  TfidfTransformer transformer;
  transformer.set_name("tfidf");
  const loom::Dataset text({loom::Column::categorical_from_values("c", {"a", "b"})});
  CHECK_LOOM_THROWS(transformer.fit(text), loom::DataError, "\"c\"");
  Eigen::MatrixXd x(2, 2);
  x << 1, 0, 2, 3;
  transformer.fit(loom::FeatureMatrix(x, {"a", "b"}));
  CHECK_LOOM_THROWS(transformer.transform(loom::FeatureMatrix(x, {"a", "c"})), loom::SchemaError,
                    "\"b\"");
  TfidfTransformer restored;
  restored.load_fitted_state(transformer.fitted_state());
  CHECK(
      Eigen::MatrixXd(restored.transform(loom::FeatureMatrix(x, {"a", "b"})).matrix().sparse()) ==
      Eigen::MatrixXd(transformer.transform(loom::FeatureMatrix(x, {"a", "b"})).matrix().sparse()));
}
