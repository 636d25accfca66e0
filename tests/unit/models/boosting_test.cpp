#include <catch2/catch.hpp>
#include <cmath>

#include "check_throws.hpp"
#include "loom/core/dataset.hpp"
#include "loom/models/ensemble/adaboost_classifier.hpp"
#include "loom/models/ensemble/detail/hist_binning.hpp"
#include "loom/models/ensemble/hist_gradient_boosting.hpp"
#include "tree_test_support.hpp"

using loom::Column;
using loom::FeatureMatrix;
using loom::models::AdaBoostClassifier;
using loom::models::HistGradientBoostingClassifier;
using loom::models::HistGradientBoostingRegressor;
namespace test = loom::test;

TEST_CASE("HistGradientBoosting bins at scikit-learn's thresholds", "[models][boosting][hist]") {
  const auto& test_case = test::tree_case("binning");
  for (const char* column : {"few", "many"}) {
    const auto thresholds =
        loom::models::detail::binning_thresholds(test::to_vector(test_case[column]), 255);
    const auto expected = test::to_vector(test_case[std::string("thresholds_") + column]);
    REQUIRE(thresholds.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
      CHECK(thresholds[i] == expected[i]);
  }
}

TEST_CASE("HistGradientBoosting scores within 1 point of scikit-learn on real data",
          "[models][boosting][hist]") {
  // The test sets are small (143, 45 and 38 rows): each dataset within two rows, and the
  // mean accuracy within 1 point.
  double ours = 0.0, theirs = 0.0;
  for (const char* name : {"breast_cancer", "wine", "iris"}) {
    const auto& test_case = test::tree_case(name);
    const auto split = test::split_case(test_case);
    HistGradientBoostingClassifier model;
    model.fit(split.x_train, &split.y_train);
    const double accuracy = test::accuracy(model.predict(split.x_test), split.y_test);
    const double reference = test_case["scores"]["hist_boosting"].get<double>();
    CHECK(accuracy >= reference - 2.0 / static_cast<double>(split.y_test.size()));
    CHECK(model.n_iter() == 100);  // early stopping is off below 10,000 rows
    ours += accuracy / 3.0;
    theirs += reference / 3.0;
  }
  CHECK(ours >= theirs - 0.01);
  const auto& diabetes = test::tree_case("diabetes");
  const auto split = test::split_case(diabetes);
  HistGradientBoostingRegressor regressor;
  regressor.fit(split.x_train, &split.y_train);
  CHECK(test::r2(regressor.predict(split.x_test), split.y_test) ==
        Approx(diabetes["scores"]["hist_boosting"].get<double>()).margin(0.01));
}

TEST_CASE("HistGradientBoostingClassifier learns from missing values and categories",
          "[models][boosting][hist]") {
  SECTION("missing values") {
    const auto& test_case = test::tree_case("missing");
    const auto split = test::split_case(test_case);
    HistGradientBoostingClassifier model({.random_state = 0});
    model.fit(split.x_train, &split.y_train);
    CHECK(test::accuracy(model.predict(split.x_test), split.y_test) >=
          test_case["accuracy"].get<double>() - 0.01);
  }
  SECTION("a categorical column, by index and from a Dataset's type") {
    const auto& test_case = test::tree_case("categorical");
    const auto split = test::split_case(test_case);
    HistGradientBoostingClassifier model({.categorical_features = {0}, .random_state = 0});
    model.fit(split.x_train, &split.y_train);
    const double native = test::accuracy(model.predict(split.x_test), split.y_test);
    CHECK(native >= test_case["accuracy_native"].get<double>() - 0.01);

    // The same column as a categorical Dataset column with "from_dtype".
    auto as_dataset = [](const FeatureMatrix& matrix) {
      const Eigen::MatrixXd& values = matrix.dense();
      std::vector<std::optional<std::string>> codes;
      for (Eigen::Index i = 0; i < values.rows(); ++i)
        codes.emplace_back("c" + loom::format_number(values(i, 0)));
      std::vector<Column> columns{Column::categorical_from_values("x0", codes)};
      for (Eigen::Index j = 1; j < values.cols(); ++j) {
        columns.push_back(Column::numeric(
            "x" + std::to_string(j),
            std::vector<double>(values.col(j).data(), values.col(j).data() + values.rows())));
      }
      return loom::Dataset(std::move(columns));
    };
    HistGradientBoostingClassifier typed({.categorical_features = "from_dtype", .random_state = 0});
    typed.fit(as_dataset(split.x_train), &split.y_train);
    CHECK(test::accuracy(typed.predict(as_dataset(split.x_test)), split.y_test) == native);

    HistGradientBoostingClassifier loaded;
    loaded.load_fitted_state(nlohmann::json::parse(typed.fitted_state().dump()));
    CHECK(loaded.predict_proba(as_dataset(split.x_test)) ==
          typed.predict_proba(as_dataset(split.x_test)));

    HistGradientBoostingClassifier undeclared;
    CHECK_LOOM_THROWS(undeclared.fit(as_dataset(split.x_train), &split.y_train), loom::DataError,
                      "column \"x0\" is categorical");
  }
}

TEST_CASE("HistGradientBoosting stops early on a validation split", "[models][boosting][hist]") {
  const auto split = test::split_case(test::tree_case("missing"));
  HistGradientBoostingClassifier model(
      {.max_iter = 500, .early_stopping = true, .n_iter_no_change = 5, .random_state = 0});
  std::size_t last = 0;
  model.set_progress([&](const loom::ProgressEvent& event) { last = event.done; });
  model.fit(split.x_train, &split.y_train);
  CHECK(model.n_iter() < 500);
  CHECK(last == model.n_iter());
  CHECK(model.model().validation_score.size() == model.n_iter() + 1);
}

TEST_CASE("HistGradientBoosting checks its parameters and data", "[models][boosting][hist]") {
  Eigen::MatrixXd x(4, 2);
  x << 1, 2, 3, 4, 5, 6, 7, 8;
  const Column y = Column::numeric("y", {0, 1, 0, 1});
  const FeatureMatrix features(x, {"a", "b"});
  HistGradientBoostingClassifier rate({.learning_rate = 0.0});
  CHECK_LOOM_THROWS(rate.fit(features, &y), loom::ParameterError, "learning_rate = 0.0");
  HistGradientBoostingClassifier bins({.max_bins = 300});
  CHECK_LOOM_THROWS(bins.fit(features, &y), loom::ParameterError, "max_bins = 300");
  HistGradientBoostingClassifier stopping({.early_stopping = "sometimes"});
  CHECK_LOOM_THROWS(stopping.fit(features, &y), loom::ParameterError, "early_stopping");
  HistGradientBoostingClassifier unknown({.categorical_features = {"z"}});
  CHECK_LOOM_THROWS(unknown.fit(features, &y), loom::ParameterError, "\"z\"");
  Eigen::MatrixXd negative = x;
  negative(1, 0) = -1.0;
  HistGradientBoostingClassifier categorical({.categorical_features = {0}});
  CHECK_LOOM_THROWS(categorical.fit(FeatureMatrix(negative, {"a", "b"}), &y), loom::DataError,
                    "categorical column \"a\" has value -1");
  HistGradientBoostingRegressor regressor;
  regressor.set_param("loss", "log_loss");
  CHECK_LOOM_THROWS(regressor.fit(features, &y), loom::ParameterError, "loss");
  CHECK_LOOM_THROWS(HistGradientBoostingRegressor().predict(features), loom::NotFittedError,
                    "HistGradientBoostingRegressor");
}

TEST_CASE("AdaBoostClassifier scores within 1 point of scikit-learn on real data",
          "[models][boosting][adaboost]") {
  for (const char* name : {"breast_cancer", "wine", "iris"}) {
    DYNAMIC_SECTION(name) {
      const auto& test_case = test::tree_case(name);
      const auto split = test::split_case(test_case);
      const double score = test::mean_score(
          split, true, [](int seed) { return AdaBoostClassifier({.random_state = seed}); });
      CHECK(score >= test_case["scores"]["adaboost"].get<double>() - 0.01);
    }
  }
}

TEST_CASE("AdaBoostClassifier SAMME votes, round-trips and checks parameters",
          "[models][boosting][adaboost]") {
  const auto split = test::split_case(test::tree_case("breast_cancer"));
  AdaBoostClassifier model({.n_estimators = 30, .algorithm = "SAMME", .random_state = 0});
  model.fit(split.x_train, &split.y_train);
  CHECK(test::accuracy(model.predict(split.x_test), split.y_test) > 0.9);
  CHECK(model.estimator_weights().size() == 30);
  CHECK(model.estimator_weights()[0] > 0.0);
  AdaBoostClassifier loaded;
  loaded.set_param("algorithm", "SAMME");
  loaded.load_fitted_state(nlohmann::json::parse(model.fitted_state().dump()));
  CHECK(loaded.predict_proba(split.x_test) == model.predict_proba(split.x_test));
  const Eigen::MatrixXd proba = model.predict_proba(split.x_test);
  CHECK(proba.row(0).sum() == Approx(1.0));

  AdaBoostClassifier bad({.algorithm = "SAMME.X"});
  CHECK_LOOM_THROWS(bad.fit(split.x_train, &split.y_train), loom::ParameterError, "algorithm");
  AdaBoostClassifier rate({.learning_rate = -1.0});
  CHECK_LOOM_THROWS(rate.fit(split.x_train, &split.y_train), loom::ParameterError,
                    "learning_rate = -1.0");
}
