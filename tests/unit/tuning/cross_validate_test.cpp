// cross_validate against scikit-learn 1.2's cross_val_score on the same folds (make_tuning.py).
#include <atomic>
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "loom/tuning/cross_validate.hpp"
#include "tuning_test_support.hpp"

using namespace loom;
using namespace loom::tuning;
using nlohmann::json;

TEST_CASE("cross_validate matches cross_val_score on the same folds", "[tuning][cross_validate]") {
  test::register_test_steps();
  const auto data = test::load_cv_data();
  const json fixture = test::load_fixture("tuning/cv.json");
  const json& cases = fixture["cases"];
  int checked = 0;
  for (const auto& item : cases) {
    if (item["kind"] != "cross_val_score") continue;
    INFO(item["target"] << " " << item["scoring"] << " cv=" << item["cv"]);
    const auto pipeline = pipeline::Pipeline::from_spec(item["spec"]);
    const std::string target = item["target"];
    const Column& y = target == "multiclass" ? data.multiclass
                      : target == "binary"   ? data.binary
                                             : data.regression;
    const auto folds =
        default_folds(pipeline, y, item["cv"].get<int>(), item["shuffle"].get<bool>(),
                      item["seed"].is_null() ? 0u : item["seed"].get<std::uint32_t>());
    CrossValidateOptions options;
    options.scoring = {item["scoring"].get<std::string>()};
    const auto result = cross_validate(pipeline, data.x, y, folds, options);
    const auto expected = item["scores"].get<std::vector<double>>();
    const auto& scores = result.scores(options.scoring[0]);
    REQUIRE(scores.size() == expected.size());
    for (std::size_t i = 0; i < scores.size(); ++i)
      CHECK(test::close(scores[i], expected[i], 1e-8));
    CHECK(result.fit_time.size() == expected.size());
    CHECK(result.mean(options.scoring[0]) == Approx(mean_of(expected)).epsilon(1e-8));
    ++checked;
  }
  CHECK(checked == 11);
}

TEST_CASE("cross_validate gives the same scores on 1 and 3 threads, with train scores",
          "[tuning][cross_validate]") {
  const auto data = test::load_cv_data();
  const json spec = {{"steps", json::array({{{"name", "scaler"}, {"type", "StandardScaler"}},
                                            {{"name", "model"}, {"type", "LogisticRegression"}}})}};
  const auto pipeline = pipeline::Pipeline::from_spec(spec);
  const auto folds = StratifiedKFold{4, true, 9u}.split(column_strings(data.multiclass));
  CrossValidateOptions options;
  options.scoring = {"accuracy", "f1_weighted", "neg_log_loss"};
  options.return_train_score = true;
  std::atomic<int> events{0};
  std::size_t last_total = 0;
  options.progress = [&](const ProgressEvent& event) {
    ++events;
    last_total = event.total;
  };
  const auto serial = cross_validate(pipeline, data.x, data.multiclass, folds, options);
  options.n_jobs = 3;
  const auto parallel = cross_validate(pipeline, data.x, data.multiclass, folds, options);
  CHECK(serial.test_scores == parallel.test_scores);
  CHECK(serial.train_scores == parallel.train_scores);
  REQUIRE(serial.train_scores.size() == 3);
  CHECK(serial.train_scores[0].size() == 4);
  CHECK(events.load() == 2 * 5);  // a start event, then one per fold, each run
  CHECK(last_total == 4);
  const auto& accuracy = serial.scores("accuracy");
  double mean = 0.0;
  for (const double a : accuracy)
    mean += a / 4.0;
  double var = 0.0;
  for (const double a : accuracy)
    var += (a - mean) * (a - mean) / 4.0;
  CHECK(serial.mean("accuracy") == Approx(mean).epsilon(1e-15));
  CHECK(serial.std("accuracy") == Approx(std::sqrt(var)).epsilon(1e-12));
  CHECK(serial.mean("neg_log_loss") < 0.0);
}

TEST_CASE("cross_validate names bad scorers, targets and failing folds",
          "[tuning][cross_validate]") {
  test::register_test_steps();
  const auto data = test::load_cv_data();
  const json spec = {{"steps", json::array({{{"name", "model"}, {"type", "LogisticRegression"}}})}};
  const auto pipeline = pipeline::Pipeline::from_spec(spec);
  const auto folds = KFold{3}.split(data.x.n_rows());
  CrossValidateOptions options;
  options.scoring = {"not_a_scorer"};
  CHECK_LOOM_THROWS(cross_validate(pipeline, data.x, data.multiclass, folds, options),
                    ParameterError, "not_a_scorer");
  options.scoring = {"r2"};
  CHECK_LOOM_THROWS(cross_validate(pipeline, data.x, data.multiclass, folds, options),
                    ParameterError, "scorer \"r2\" is for regressors");
  const json regression = {
      {"steps", json::array({{{"name", "model"}, {"type", "TestLinearRegression"}}})}};
  options.scoring = {};
  CHECK_LOOM_THROWS(cross_validate(pipeline::Pipeline::from_spec(regression), data.x,
                                   data.multiclass, folds, options),
                    DataError, "target \"multiclass\" must be numeric");
  const json scaler_only = {
      {"steps", json::array({{{"name", "scaler"}, {"type", "StandardScaler"}}})}};
  CHECK_LOOM_THROWS(cross_validate(pipeline::Pipeline::from_spec(scaler_only), data.x,
                                   data.multiclass, folds, options),
                    ParameterError, "supervised predictor");
  // A fold whose training rows hold a single class fails, naming the fold.
  std::vector<Split> bad = {{{0, 1}, {2, 3}}};
  std::vector<std::optional<std::string>> same(data.x.n_rows(), std::string("a"));
  same[2] = "b";
  CHECK_THROWS_WITH(
      cross_validate(pipeline, data.x, Column::categorical_from_values("y", same), bad, options),
      Catch::Matchers::Contains("fold 1 of 1"));
  CHECK_LOOM_THROWS(cross_validate(pipeline, data.x.head(10), data.multiclass, folds, options),
                    DataError, "10 rows of features but 90 labels");
}
