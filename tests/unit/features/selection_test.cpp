#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>

#include "check_throws.hpp"
#include "extraction_support.hpp"
#include "loom/features/correlation_filter.hpp"
#include "loom/features/select_k_best.hpp"
#include "loom/features/select_percentile.hpp"
#include "loom/features/variance_threshold.hpp"

using loom::FeatureMatrix;

namespace {

std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}

bool scores_close(const Eigen::VectorXd& actual, const nlohmann::json& expected, double tolerance) {
  if (actual.size() != static_cast<Eigen::Index>(expected.size())) return false;
  for (std::size_t j = 0; j < expected.size(); ++j) {
    if (!loom::test::close(actual(static_cast<Eigen::Index>(j)),
                           loom::test::number_or_nan(expected[j]), tolerance))
      return false;
  }
  return true;
}

loom::Column target_of(const nlohmann::json& y) {
  if (y[0].is_string()) {
    std::vector<std::optional<std::string>> labels;
    for (const auto& label : y)
      labels.emplace_back(label.get<std::string>());
    return loom::Column::categorical_from_values("y", labels);
  }
  return loom::Column::numeric("y", loom::test::to_vector(y));
}

}  // namespace

TEST_CASE("SelectKBest and SelectPercentile match scikit-learn's scores and choices",
          "[features][selection]") {
  const auto fixture = loom::test::load_fixture("features_extraction/selection.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    const auto score_func = test_case["score_func"].get<std::string>();
    DYNAMIC_SECTION(score_func) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      const auto names = names_for(x.cols());
      const loom::Column y = target_of(test_case["y"]);
      for (const auto& item : test_case["supports"].items()) {
        const std::string key = item.key();
        INFO(key);
        const auto support = item.value().get<std::vector<bool>>();
        const auto value = key.substr(key.find('=') + 1);
        std::vector<bool> actual;
        std::vector<std::string> kept_names;
        if (key.rfind("k=", 0) == 0) {
          loom::features::SelectKBest selector;
          selector.set_params(
              {{"score_func", score_func},
               {"k", value == "all" ? loom::Json("all") : loom::Json(std::stoi(value))}});
          selector.fit(FeatureMatrix(x, names), &y);
          CHECK(scores_close(selector.scores(), test_case["scores"], 1e-9));
          CHECK(scores_close(selector.pvalues(), test_case["pvalues"], 1e-9));
          actual = selector.support();
          kept_names = selector.feature_names_out();
          CHECK(selector.transform(FeatureMatrix(x, names)).matrix().names() == kept_names);
        } else {
          loom::features::SelectPercentile selector(
              {.score_func = score_func, .percentile = std::stod(value)});
          selector.fit(FeatureMatrix(x, names), &y);
          actual = selector.support();
          kept_names = selector.feature_names_out();
          // Sparse input stays sparse.
          const auto sparse_output =
              selector.transform(FeatureMatrix(loom::SparseMatrix(x.sparseView()), names));
          CHECK(sparse_output.is_sparse());
          CHECK(sparse_output.n_columns() == kept_names.size());
        }
        CHECK(actual == support);
      }
    }
  }
}

TEST_CASE("Selectors name their problems", "[features][selection][errors]") {
  Eigen::MatrixXd x(4, 2);
  x << 1, -2, 3, 4, 5, 6, 7, 8;
  const loom::Column y = loom::Column::numeric("y", {0, 1, 0, 1});
  loom::features::SelectKBest chi({.score_func = "chi2", .k = 1});
  chi.set_name("select");
  CHECK_LOOM_THROWS(chi.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::DataError, "non-negative");
  CHECK_LOOM_THROWS(chi.fit(FeatureMatrix(x, {"a", "b"}), nullptr), loom::DataError,
                    "needs a target");
  loom::features::SelectKBest too_many({.k = 3});
  CHECK_LOOM_THROWS(too_many.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError, "k = 3");
  loom::features::SelectPercentile percentile({.percentile = 120});
  CHECK_LOOM_THROWS(percentile.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "percentile");
  loom::features::SelectKBest regression({.score_func = "f_regression", .k = 1});
  const loom::Column labels = loom::Column::categorical_from_values("y", {"a", "b", "a", "b"});
  CHECK_LOOM_THROWS(regression.fit(FeatureMatrix(x, {"a", "b"}), &labels), loom::DataError,
                    "numeric target");
}

TEST_CASE("VarianceThreshold matches scikit-learn", "[features][variance_threshold]") {
  const auto fixture = loom::test::load_fixture("features_extraction/variance_threshold.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    const bool sparse = test_case.contains("sparse");
    DYNAMIC_SECTION(test_case["threshold"].get<double>() << (sparse ? " sparse" : "")) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      const auto names = names_for(x.cols());
      const loom::Table input =
          sparse ? loom::Table(FeatureMatrix(loom::SparseMatrix(x.sparseView()), names))
                 : loom::Table(FeatureMatrix(x, names));
      loom::features::VarianceThreshold selector(
          {.threshold = test_case["threshold"].get<double>()});
      const auto output = selector.fit_transform(input, nullptr);
      CHECK(scores_close(selector.variances(), test_case["variances"], 1e-12));
      CHECK(selector.support() == test_case["support"].get<std::vector<bool>>());
      CHECK(output.is_sparse() == sparse);
      loom::features::VarianceThreshold restored;
      restored.load_fitted_state(selector.fitted_state());
      CHECK(restored.feature_names_out() == selector.feature_names_out());
    }
  }
  loom::features::VarianceThreshold none({.threshold = 100});
  none.set_name("vt");
  CHECK_LOOM_THROWS(none.fit(FeatureMatrix(Eigen::MatrixXd::Random(5, 2), {"a", "b"})),
                    loom::DataError, "no column has a variance above");
}

TEST_CASE("CorrelationFilter drops the later column of each correlated pair",
          "[features][correlation_filter]") {
  const auto fixture = loom::test::load_fixture("features_extraction/correlation_filter.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["threshold"].get<double>()) {
      const Eigen::MatrixXd x = loom::test::to_matrix(test_case["X"]);
      std::vector<std::string> names;
      for (Eigen::Index j = 0; j < x.cols(); ++j)
        names.push_back("c" + std::to_string(j));
      loom::features::CorrelationFilter filter({.threshold = test_case["threshold"].get<double>()});
      filter.fit(FeatureMatrix(x, names));
      CHECK(loom::test::all_close(filter.correlation(),
                                  loom::test::to_matrix(test_case["correlation"]), 1e-12));
      std::vector<std::string> expected;
      const auto dropped = test_case["dropped"].get<std::vector<std::string>>();
      for (const auto& name : names) {
        if (std::find(dropped.begin(), dropped.end(), name) == dropped.end())
          expected.push_back(name);
      }
      CHECK(filter.feature_names_out() == expected);
      CHECK(filter.transform(FeatureMatrix(x, names)).matrix().names() == expected);
    }
  }
  loom::features::CorrelationFilter bad({.threshold = 2.0});
  CHECK_LOOM_THROWS(bad.fit(FeatureMatrix(Eigen::MatrixXd::Random(3, 2), {"a", "b"})),
                    loom::ParameterError, "threshold = 2");
}
