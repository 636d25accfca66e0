// Splitters and train_test_split against scikit-learn 1.2's indices (make_tuning.py).
#include <catch2/catch.hpp>

#include "check_throws.hpp"
#include "fixtures.hpp"
#include "loom/core/error.hpp"
#include "loom/tuning/random_state.hpp"
#include "loom/tuning/splitters.hpp"
#include "loom/tuning/train_test_split.hpp"

using namespace loom;
using namespace loom::tuning;
using nlohmann::json;

namespace {

std::vector<std::size_t> indices(const json& values) {
  return values.get<std::vector<std::size_t>>();
}

std::vector<std::string> labels(const json& values) {
  return values.get<std::vector<std::string>>();
}

std::optional<std::uint32_t> seed_of(const json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<std::uint32_t>();
}

void check_folds(const std::vector<Split>& splits, const json& expected) {
  REQUIRE(splits.size() == expected.size());
  for (std::size_t i = 0; i < splits.size(); ++i) {
    CHECK(splits[i].train == indices(expected[i]["train"]));
    CHECK(splits[i].test == indices(expected[i]["test"]));
  }
}

}  // namespace

TEST_CASE("RandomState draws as numpy's legacy RandomState", "[tuning][random_state]") {
  const json fixture = loom::test::load_fixture("tuning/random_state.json");
  const json& cases = fixture["cases"];
  for (const auto& item : cases) {
    RandomState rng(item["seed"].get<std::uint32_t>());
    for (const auto& expected : item["random_sample"])
      CHECK(rng.random_sample() == expected.get<double>());
    const json& bounds = item["randint_bounds"];
    for (std::size_t i = 0; i < bounds.size(); ++i)
      CHECK(rng.randint(0, bounds[i].get<std::int64_t>()) ==
            item["randint"][i].get<std::int64_t>());
    std::vector<std::size_t> values(23);
    for (std::size_t i = 0; i < values.size(); ++i)
      values[i] = i;
    rng.shuffle(values);
    CHECK(values == indices(item["shuffle23"]));
    CHECK(rng.permutation(10) == indices(item["permutation10"]));
    for (const auto& expected : item["uniform_m2_3"])
      CHECK(rng.uniform(-2.0, 3.0) == expected.get<double>());
  }
}

TEST_CASE("Splitters give scikit-learn's folds", "[tuning][splitters]") {
  const json fixture = loom::test::load_fixture("tuning/splitters.json");
  const json& cases = fixture["cases"];
  int checked = 0;
  for (const auto& item : cases) {
    const std::string kind = item["kind"];
    INFO(item.dump().substr(0, 200));
    if (kind == "KFold") {
      KFold splitter{item["n_splits"].get<int>(), item["shuffle"].get<bool>(),
                     seed_of(item["random_state"])};
      check_folds(splitter.split(item["n_rows"].get<std::size_t>()), item["folds"]);
    } else if (kind == "StratifiedKFold") {
      StratifiedKFold splitter{item["n_splits"].get<int>(), item["shuffle"].get<bool>(),
                               seed_of(item["random_state"])};
      check_folds(splitter.split(labels(item["y"])), item["folds"]);
    } else if (kind == "RepeatedStratifiedKFold") {
      RepeatedStratifiedKFold splitter{item["n_splits"].get<int>(), item["n_repeats"].get<int>(),
                                       seed_of(item["random_state"])};
      check_folds(splitter.split(labels(item["y"])), item["folds"]);
    } else if (kind == "GroupKFold") {
      GroupKFold splitter{item["n_splits"].get<int>()};
      check_folds(splitter.split(labels(item["groups"])), item["folds"]);
    } else if (kind == "TimeSeriesSplit") {
      TimeSeriesSplit splitter{item["n_splits"].get<int>()};
      if (!item["max_train_size"].is_null())
        splitter.max_train_size = item["max_train_size"].get<std::size_t>();
      if (!item["test_size"].is_null()) splitter.test_size = item["test_size"].get<std::size_t>();
      splitter.gap = item["gap"].get<std::size_t>();
      check_folds(splitter.split(item["n_rows"].get<std::size_t>()), item["folds"]);
    } else if (kind == "train_test_split") {
      const auto y = labels(item["y"]);
      TrainTestSplitOptions options;
      if (!item["test_size"].is_null()) options.test_size = item["test_size"].get<double>();
      if (!item["train_size"].is_null()) options.train_size = item["train_size"].get<double>();
      options.random_state = item["random_state"].get<std::uint32_t>();
      if (item["stratify"].get<bool>()) options.stratify = y;
      const Split split = train_test_split(item["n_rows"].get<std::size_t>(), options);
      CHECK(split.train == indices(item["train"]));
      CHECK(split.test == indices(item["test"]));
    } else if (kind == "train_validation_test_split") {
      const auto y = labels(item["y"]);
      const auto split = train_validation_test_split(
          y.size(), item["validation_size"].get<double>(), item["test_size"].get<double>(),
          item["random_state"].get<std::uint32_t>(), y);
      CHECK(split.train == indices(item["train"]));
      CHECK(split.validation == indices(item["validation"]));
      CHECK(split.test == indices(item["test"]));
    } else {
      FAIL("unknown fixture kind " << kind);
    }
    ++checked;
  }
  CHECK(checked == 36);
}

TEST_CASE("Splitters reject settings and data they cannot split", "[tuning][splitters]") {
  CHECK_LOOM_THROWS(KFold{1}.split(10), ParameterError, "n_splits = 1");
  CHECK_LOOM_THROWS(KFold{5}.split(3), DataError, "number of rows (3)");
  const std::vector<std::string> y = {"a", "a", "b", "b", "c"};
  CHECK_LOOM_THROWS(StratifiedKFold{3}.split(y), DataError, "members in each class");
  CHECK_LOOM_THROWS((RepeatedStratifiedKFold{2, 0}.split(y)), ParameterError, "n_repeats = 0");
  const std::vector<std::string> groups = {"x", "x", "y"};
  CHECK_LOOM_THROWS(GroupKFold{3}.split(groups), DataError, "number of groups (2)");
  CHECK_LOOM_THROWS(TimeSeriesSplit{5}.split(5), DataError, "only 5 rows");
  TimeSeriesSplit wide{3};
  wide.test_size = 4;
  CHECK_LOOM_THROWS(wide.split(12), DataError, "too many splits");
  TrainTestSplitOptions options;
  options.test_size = 10.0;
  CHECK_LOOM_THROWS(train_test_split(10, options), ParameterError, "test_size = 10");
  options.test_size = -0.5;
  CHECK_LOOM_THROWS(train_test_split(10, options), ParameterError, "test_size");
  const std::vector<std::string> single = {"a", "a", "a", "b", "a", "a"};
  options.test_size = 0.5;
  options.stratify = single;
  CHECK_LOOM_THROWS(train_test_split(6, options), DataError, "class \"b\" has only 1 row");
  CHECK_LOOM_THROWS(train_validation_test_split(10, 0.6, 0.5, 0), ParameterError,
                    "validation_size = 0.6");
}

TEST_CASE("Stratified folds keep class shares and cover every row once", "[tuning][splitters]") {
  std::vector<std::string> y;
  for (int i = 0; i < 40; ++i)
    y.push_back(i % 4 == 0 ? "rare" : "common");
  const auto splits = StratifiedKFold{5, true, 3u}.split(y);
  std::vector<int> seen(y.size(), 0);
  for (const auto& split : splits) {
    int rare = 0;
    for (const auto row : split.test) {
      ++seen[row];
      rare += y[row] == "rare";
    }
    CHECK(rare == 2);
    CHECK(split.train.size() + split.test.size() == y.size());
  }
  for (const int count : seen)
    CHECK(count == 1);
}
