// Parameter grids, samplers, GridSearchCV and RandomizedSearchCV against scikit-learn 1.2.
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "loom/core/error.hpp"
#include "loom/tuning/parameter_space.hpp"
#include "loom/tuning/search.hpp"
#include "tuning_test_support.hpp"

using namespace loom;
using namespace loom::tuning;
using nlohmann::json;

namespace {
// Parameters equal as values (1 == 1.0), whatever the JSON number kind.
bool same_params(const json& a, const json& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a.items()) {
    if (!b.contains(key)) return false;
    const json& other = b[key];
    if (value.is_number() && other.is_number()) {
      if (value.get<double>() != other.get<double>()) return false;
    } else if (value != other) {
      return false;
    }
  }
  return true;
}
}  // namespace

TEST_CASE("parameter_grid and parameter_sampler follow scikit-learn's order and draws",
          "[tuning][parameter_space]") {
  const json fixture = test::load_fixture("tuning/sampler.json");
  const json& cases = fixture["cases"];
  for (const auto& item : cases) {
    INFO(item.dump().substr(0, 300));
    std::vector<json> points;
    if (item["kind"] == "grid") {
      points = parameter_grid(item["grid"]);
    } else {
      points = parameter_sampler(item["distributions"], item["n_iter"].get<std::size_t>(),
                                 item["random_state"].get<std::uint32_t>());
    }
    const json& expected = item["points"];
    REQUIRE(points.size() == expected.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
      INFO("point " << i << ": " << points[i].dump() << " vs " << expected[i].dump());
      CHECK(same_params(points[i], expected[i]));
    }
  }
}

TEST_CASE("parameter grids and distributions reject malformed entries",
          "[tuning][parameter_space]") {
  CHECK_LOOM_THROWS(parameter_grid(json{{"model.C", 1.0}}), ParameterError,
                    "\"model.C\" must map to a non-empty list");
  CHECK_LOOM_THROWS(parameter_grid(json(3)), ParameterError, "expected a JSON object");
  CHECK_LOOM_THROWS(parameter_sampler(json{{"model.C", {{"gamma", {1, 2}}}}}, 3, 0), ParameterError,
                    "unknown distribution \"gamma\"");
  CHECK_LOOM_THROWS(parameter_sampler(json{{"model.C", {{"loguniform", {0, 2}}}}}, 3, 0),
                    ParameterError, "loguniform needs 0 < low");
  CHECK_LOOM_THROWS(parameter_sampler(json{{"model.C", {{"uniform", {2, 1}}}}}, 3, 0),
                    ParameterError, "needs low < high");
  CHECK_LOOM_THROWS(parameter_sampler(json{{"model.max_iter", {{"randint", {1.5, 4}}}}}, 3, 0),
                    ParameterError, "randint takes whole numbers");
}

TEST_CASE("rank_descending ranks as rankdata(-x, method='min')", "[tuning][search]") {
  const std::vector<double> values = {0.5, 0.9, 0.5, std::nan(""), 0.9, 0.1};
  CHECK(rank_descending(values) == std::vector<int>{3, 1, 3, 6, 1, 5});
}

TEST_CASE("GridSearchCV and RandomizedSearchCV match scikit-learn's cv_results_",
          "[tuning][search]") {
  const auto data = test::load_cv_data();
  const json fixture = test::load_fixture("tuning/cv.json");
  const json& cases = fixture["cases"];
  int checked = 0;
  for (const auto& item : cases) {
    const std::string kind = item["kind"];
    if (kind != "grid_search" && kind != "random_search") continue;
    INFO(kind << " " << item["scoring"]);
    const auto pipeline = pipeline::Pipeline::from_spec(item["spec"]);
    const auto folds = default_folds(pipeline, data.multiclass, item["cv"].get<int>());
    SearchOptions options;
    options.scoring = item["scoring"];
    options.n_jobs = kind == "grid_search" ? 2 : 1;
    SearchResult result;
    if (kind == "grid_search") {
      GridSearchCV search(pipeline, item["grid"], options);
      result = search.fit(data.x, data.multiclass, folds);
      CHECK(same_params(result.best_params(), item["best_params"]));
      CHECK(result.best_score() == Approx(item["best_score"].get<double>()).epsilon(1e-6));
    } else {
      RandomizedSearchCV search(pipeline, item["distributions"], item["n_iter"].get<std::size_t>(),
                                item["random_state"].get<std::uint32_t>(), options);
      result = search.fit(data.x, data.multiclass, folds);
    }
    REQUIRE(result.candidates.size() == item["params"].size());
    for (std::size_t i = 0; i < result.candidates.size(); ++i) {
      const auto& row = result.candidates[i];
      CHECK(same_params(row.params, item["params"][i]));
      CHECK(test::close(row.mean_score, item["mean"][i].get<double>(), 1e-8));
      CHECK(test::close(row.std_score, item["std"][i].get<double>(), 1e-7));
      CHECK(row.rank == item["rank"][i].get<int>());
      CHECK(row.mean_fit_time >= 0.0);
    }
    REQUIRE(result.best_pipeline.has_value());
    CHECK(result.best_pipeline->is_fitted());
    CHECK(result.best_pipeline->get_param("model.C").get<double>() ==
          result.best_params()["model.C"].get<double>());
    ++checked;
  }
  CHECK(checked == 3);
}

TEST_CASE("search results export as JSON and CSV", "[tuning][search]") {
  const auto data = test::load_cv_data();
  const json spec = {{"steps", json::array({{{"name", "scaler"}, {"type", "StandardScaler"}},
                                            {{"name", "model"}, {"type", "LogisticRegression"}}})}};
  const auto pipeline = pipeline::Pipeline::from_spec(spec);
  const auto folds = default_folds(pipeline, data.binary, 3);
  SearchOptions options;
  options.refit = false;
  GridSearchCV search(pipeline, json{{"model.C", {0.01, 1}}, {"model.solver", {"lbfgs"}}}, options);
  CHECK_LOOM_THROWS(search.result(), NotFittedError, "call fit");
  const auto& result = search.fit(data.x, data.binary, folds);
  CHECK_FALSE(result.best_pipeline.has_value());
  const json exported = result.to_json();
  CHECK(exported["scoring"] == "accuracy");
  REQUIRE(exported["results"].size() == 2);
  CHECK(exported["results"][1]["params"]["model.C"] == 1);
  CHECK(exported["results"][0]["split_scores"].size() == 3);
  CHECK(exported["best_score"].get<double>() == result.best_score());
  const std::string csv = result.to_csv();
  CHECK(
      csv.rfind("param_model.C,param_model.solver,mean_score,std_score,rank,fit_time,score_time\n",
                0) == 0);
  CHECK(csv.find("\n0.01,lbfgs,") != std::string::npos);
}

TEST_CASE("searches reject unknown parameters before fitting", "[tuning][search]") {
  const auto data = test::load_cv_data();
  const json spec = {{"steps", json::array({{{"name", "model"}, {"type", "LogisticRegression"}}})}};
  const auto pipeline = pipeline::Pipeline::from_spec(spec);
  const auto folds = default_folds(pipeline, data.binary, 3);
  GridSearchCV unknown_step(pipeline, json{{"clf.C", {1}}});
  CHECK_LOOM_THROWS(unknown_step.fit(data.x, data.binary, folds), ParameterError,
                    "no step named \"clf\"");
  GridSearchCV out_of_range(pipeline, json{{"model.C", {1, -1}}});
  CHECK_LOOM_THROWS(out_of_range.fit(data.x, data.binary, folds), ParameterError, "C = -1");
  RandomizedSearchCV none(pipeline, json{{"model.C", {1}}}, 0, 0);
  CHECK_LOOM_THROWS(none.fit(data.x, data.binary, folds), ParameterError, "n_iter = 0");
}
