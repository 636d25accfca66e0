// GaussianNB and MultinomialNB against scikit-learn 1.2
// (tests/reference/make_models_naive_bayes.py).
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/registry.hpp"
#include "loom/models/naive_bayes/gaussian_nb.hpp"
#include "loom/models/naive_bayes/multinomial_nb.hpp"

using loom::Column;
using loom::FeatureMatrix;

namespace {
std::vector<std::string> names_for(Eigen::Index n) {
  std::vector<std::string> names;
  for (Eigen::Index j = 0; j < n; ++j)
    names.push_back("x" + std::to_string(j));
  return names;
}

Column labels_from(const nlohmann::json& values) {
  if (values[0].is_string()) {
    std::vector<std::optional<std::string>> strings;
    for (const auto& value : values)
      strings.emplace_back(value.get<std::string>());
    return Column::categorical_from_values("y", strings);
  }
  return Column::numeric("y", loom::test::to_vector(values));
}

std::vector<std::string> as_strings(const Column& column) {
  std::vector<std::string> result;
  for (std::size_t i = 0; i < column.size(); ++i)
    result.push_back(column.value_string(i));
  return result;
}

std::vector<std::string> as_strings(const nlohmann::json& values) {
  std::vector<std::string> result;
  for (const auto& value : values) {
    result.push_back(value.is_string() ? value.get<std::string>()
                                       : loom::format_number(value.get<double>()));
  }
  return result;
}

Eigen::VectorXd to_eigen(const nlohmann::json& values) {
  const auto v = loom::test::to_vector(values);
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}
}  // namespace

TEST_CASE("Naive Bayes classifiers match scikit-learn's probabilities", "[models][naive_bayes]") {
  const auto fixture = loom::test::load_fixture("models/naive_bayes.json");
  const auto& cases = fixture["cases"];
  for (const auto& test_case : cases) {
    DYNAMIC_SECTION(test_case["name"].get<std::string>()) {
      const auto& data = fixture["datasets"][test_case["data"].get<std::string>()];
      const std::string type = test_case["type"];
      auto step = loom::Registry::global().create(type, test_case["params"], "model");
      auto& model = dynamic_cast<loom::Predictor&>(*step);
      const Eigen::MatrixXd x = loom::test::to_matrix(data["X"]);
      const auto names = names_for(x.cols());
      const Column y = labels_from(data["y"]);
      const Eigen::MatrixXd x_new = loom::test::to_matrix(data["X_new"]);
      const Eigen::MatrixXd expected = loom::test::to_matrix(test_case["predict_proba_new"]);
      SECTION("dense") {
        model.fit(FeatureMatrix(x, names), &y);
        CHECK(as_strings(model.classes()) == as_strings(test_case["classes"]));
        const Eigen::MatrixXd proba = model.predict_proba(FeatureMatrix(x_new, names));
        INFO(proba);
        CHECK(loom::test::all_close(proba, expected, 1e-9));
        CHECK(as_strings(model.predict(FeatureMatrix(x_new, names))) ==
              as_strings(test_case["predict_new"]));
        if (type == "GaussianNB") {
          const auto& gaussian = dynamic_cast<const loom::models::GaussianNB&>(model);
          CHECK(loom::test::all_close(gaussian.theta(), loom::test::to_matrix(test_case["theta"]),
                                      1e-12));
          CHECK(loom::test::all_close(gaussian.var(), loom::test::to_matrix(test_case["var"]),
                                      1e-12));
          CHECK(loom::test::close(gaussian.epsilon(), test_case["epsilon"].get<double>(), 1e-12));
          CHECK(loom::test::all_close(gaussian.class_prior(), to_eigen(test_case["class_prior"]),
                                      1e-12));
        } else {
          const auto& multinomial = dynamic_cast<const loom::models::MultinomialNB&>(model);
          CHECK(loom::test::all_close(multinomial.feature_log_prob(),
                                      loom::test::to_matrix(test_case["feature_log_prob"]), 1e-12));
          CHECK(loom::test::all_close(multinomial.class_log_prior(),
                                      to_eigen(test_case["class_log_prior"]), 1e-12));
        }
        auto restored = loom::Registry::global().create(type, test_case["params"], "model");
        restored->load_fitted_state(model.fitted_state());
        CHECK(dynamic_cast<loom::Predictor&>(*restored).predict_proba(
                  FeatureMatrix(x_new, names)) == proba);
      }
      if (type == "MultinomialNB") {
        SECTION("sparse") {
          model.fit(FeatureMatrix(loom::SparseMatrix(x.sparseView()), names), &y);
          const Eigen::MatrixXd proba =
              model.predict_proba(FeatureMatrix(loom::SparseMatrix(x_new.sparseView()), names));
          CHECK(loom::test::all_close(proba, expected, 1e-9));
        }
      }
    }
  }
}

TEST_CASE("Naive Bayes classifiers score accuracy", "[models][naive_bayes]") {
  Eigen::MatrixXd x(6, 1);
  x << 0, 0.2, 0.1, 5, 5.2, 5.1;
  const Column y = Column::numeric("y", {0, 0, 0, 1, 1, 1});
  loom::models::GaussianNB model;
  model.fit(FeatureMatrix(x, {"a"}), &y);
  CHECK(model.score(FeatureMatrix(x, {"a"}), y) == 1.0);
  const Column flipped = Column::numeric("y", {1, 0, 0, 1, 1, 0});
  CHECK(model.score(FeatureMatrix(x, {"a"}), flipped) == Approx(4.0 / 6.0));
}

TEST_CASE("Naive Bayes classifiers report bad parameters and data",
          "[models][naive_bayes][errors]") {
  Eigen::MatrixXd x(4, 2);
  x << 0, 1, 1, 0, 2, 2, 3, 1;
  const Column y = Column::numeric("y", {0, 0, 1, 1});
  loom::models::GaussianNB priors({.priors = std::vector<double>{0.5, 0.6}});
  priors.set_name("nb");
  CHECK_LOOM_THROWS(priors.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "GaussianNB \"nb\": parameter priors must sum to 1");
  loom::models::GaussianNB three({.priors = std::vector<double>{0.2, 0.3, 0.5}});
  CHECK_LOOM_THROWS(three.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "3 values for 2 classes");
  loom::models::GaussianNB gaussian;
  Eigen::MatrixXd with_nan = x;
  with_nan(2, 1) = std::nan("");
  CHECK_LOOM_THROWS(gaussian.fit(FeatureMatrix(with_nan, {"a", "b"}), &y), loom::DataError,
                    "column \"b\" has a missing value");
  CHECK_LOOM_THROWS(gaussian.predict(FeatureMatrix(x, {"a", "b"})), loom::NotFittedError,
                    "before fit");
  loom::models::MultinomialNB multinomial({.alpha = -1});
  CHECK_LOOM_THROWS(multinomial.fit(FeatureMatrix(x, {"a", "b"}), &y), loom::ParameterError,
                    "alpha = -1.0 must be >= 0");
  loom::models::MultinomialNB counts;
  Eigen::MatrixXd negative = x;
  negative(0, 0) = -1;
  CHECK_LOOM_THROWS(counts.fit(FeatureMatrix(negative, {"a", "b"}), &y), loom::DataError,
                    "negative values");
  CHECK_LOOM_THROWS(counts.fit(FeatureMatrix(with_nan, {"a", "b"}), &y), loom::DataError,
                    "column \"b\"");
  CHECK_LOOM_THROWS(counts.fit(FeatureMatrix(x, {"a", "b"}), nullptr), loom::DataError, "target");
}
