#include "loom/data/make_classification.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <numeric>

#include "check_throws.hpp"
#include "loom/pipeline/pipeline.hpp"

using loom::Column;
using loom::ColumnType;
using loom::Dataset;
using loom::data::make_classification;
using loom::data::MakeClassificationParams;

namespace {

std::map<int, std::size_t> class_counts(const Dataset& data) {
  std::map<int, std::size_t> counts;
  for (double label : data.column("target").numeric_values())
    ++counts[static_cast<int>(label)];
  return counts;
}

bool same_cells(const Dataset& a, const Dataset& b) {
  if (a.column_names() != b.column_names() || a.n_rows() != b.n_rows()) return false;
  for (std::size_t j = 0; j < a.n_columns(); ++j) {
    for (std::size_t row = 0; row < a.n_rows(); ++row) {
      if (a.column(j).value_string(row) != b.column(j).value_string(row)) return false;
    }
  }
  return true;
}

// Mean of a numeric column over the rows of one class, ignoring missing cells.
double class_mean(const Dataset& data, const std::string& column, int label) {
  const auto values = data.column(column).numeric_values();
  const auto labels = data.column("target").numeric_values();
  double sum = 0.0, count = 0.0;
  for (std::size_t row = 0; row < values.size(); ++row) {
    if (labels[row] == label && !std::isnan(values[row])) {
      sum += values[row];
      count += 1.0;
    }
  }
  return sum / count;
}

double standard_deviation(const Dataset& data, const std::string& column) {
  double sum = 0.0, squares = 0.0, count = 0.0;
  for (double value : data.column(column).numeric_values()) {
    if (std::isnan(value)) continue;
    sum += value;
    squares += value * value;
    count += 1.0;
  }
  const double mean = sum / count;
  return std::sqrt(squares / count - mean * mean);
}

}  // namespace

TEST_CASE("make_classification gives the requested columns and rows",
          "[data][make_classification]") {
  const Dataset data = make_classification();
  CHECK(data.n_rows() == 1000);
  CHECK(data.column_names() ==
        std::vector<std::string>{"x0", "x1", "x2", "x3", "x4", "x5", "c0", "c1", "target"});
  CHECK(data.names_of_type(ColumnType::numeric).size() == 7);
  CHECK(data.column("c0").type() == ColumnType::categorical);
  CHECK(data.column("c1").categories() == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(data.column("target").count_missing() == 0);
  CHECK(class_counts(data) == std::map<int, std::size_t>{{0, 500}, {1, 500}});

  const Dataset small = make_classification(
      {.n_samples = 10, .n_numeric = 1, .n_informative = 1, .n_categorical = 0});
  CHECK(small.column_names() == std::vector<std::string>{"x0", "target"});
  CHECK(small.n_rows() == 10);

  // Many categories are named as spreadsheet columns and sorted as strings.
  const Dataset wide =
      make_classification({.n_samples = 2000, .n_categorical = 1, .n_categories = 28});
  const auto& categories = wide.column("c0").categories();
  REQUIRE(categories.size() == 28);
  CHECK(categories[0] == "a");
  CHECK(categories[1] == "aa");
  CHECK(categories[2] == "ab");
  CHECK(categories.back() == "z");
}

TEST_CASE("make_classification leaves cells missing at about missing_rate",
          "[data][make_classification]") {
  const Dataset data = make_classification({.n_samples = 5000, .missing_rate = 0.1, .seed = 3});
  std::size_t missing = 0, cells = 0;
  for (const auto& column : data.columns()) {
    if (column.name() == "target") continue;
    missing += column.count_missing();
    cells += column.size();
  }
  const double rate = static_cast<double>(missing) / static_cast<double>(cells);
  CHECK(rate == Approx(0.1).margin(0.01));
  // Every feature column has some missing cells, categorical ones too.
  for (const auto& column : data.columns()) {
    if (column.name() != "target") CHECK(column.count_missing() > 300);
  }
  const Dataset complete = make_classification({.missing_rate = 0.0});
  for (const auto& column : complete.columns())
    CHECK(column.count_missing() == 0);
}

TEST_CASE("make_classification sizes classes by weights", "[data][make_classification]") {
  CHECK(class_counts(make_classification({.weights = {0.9, 0.1}})) ==
        std::map<int, std::size_t>{{0, 900}, {1, 100}});
  // n_classes - 1 weights: the last class takes the rest.
  CHECK(class_counts(make_classification({.n_classes = 3, .weights = {0.2, 0.3}})) ==
        std::map<int, std::size_t>{{0, 200}, {1, 300}, {2, 500}});
  // Weights are proportions: they need not sum to 1.
  CHECK(class_counts(make_classification({.n_samples = 100, .weights = {3, 1}})) ==
        std::map<int, std::size_t>{{0, 75}, {1, 25}});
  // Rounding remainders go to the first classes.
  CHECK(class_counts(make_classification({.n_samples = 10, .n_classes = 3})) ==
        std::map<int, std::size_t>{{0, 4}, {1, 3}, {2, 3}});
  // Rows are shuffled: the rare class is not all at the end.
  const Dataset data = make_classification({.weights = {0.9, 0.1}});
  const auto labels = data.column("target").numeric_values();
  CHECK(std::accumulate(labels.begin(), labels.begin() + 500, 0.0) > 20.0);
}

TEST_CASE("make_classification is deterministic for a seed", "[data][make_classification]") {
  const MakeClassificationParams params{.n_samples = 300, .seed = 42};
  CHECK(same_cells(make_classification(params), make_classification(params)));
  MakeClassificationParams other = params;
  other.seed = 43;
  CHECK_FALSE(same_cells(make_classification(params), make_classification(other)));
  // Changing the missing rate only changes which cells are missing.
  MakeClassificationParams more_missing = params;
  more_missing.missing_rate = 0.3;
  const Dataset a = make_classification(params);
  const Dataset b = make_classification(more_missing);
  std::size_t compared = 0, differing = 0;
  for (std::size_t j = 0; j < a.n_columns(); ++j) {
    for (std::size_t row = 0; row < a.n_rows(); ++row) {
      if (a.column(j).is_missing(row) || b.column(j).is_missing(row)) continue;
      ++compared;
      if (a.column(j).value_string(row) != b.column(j).value_string(row)) ++differing;
    }
  }
  CHECK(compared > 1000);
  CHECK(differing == 0);
  // Pinned values: labels and categories come from the mt19937_64 stream through exactly
  // rounded arithmetic only, so they are the same on every platform (numbers use log / cos).
  const Dataset pinned = make_classification({.n_samples = 12, .missing_rate = 0.0, .seed = 7});
  std::vector<std::string> target, c0, c1;
  for (std::size_t row = 0; row < 12; ++row) {
    target.push_back(pinned.column("target").value_string(row));
    c0.push_back(pinned.column("c0").value_string(row));
    c1.push_back(pinned.column("c1").value_string(row));
  }
  using Strings = std::vector<std::string>;
  CHECK(target == Strings{"1", "1", "0", "0", "0", "0", "0", "1", "1", "0", "1", "1"});
  CHECK(c0 == Strings{"b", "b", "b", "a", "a", "a", "c", "a", "b", "a", "b", "b"});
  CHECK(c1 == Strings{"d", "a", "b", "b", "a", "b", "a", "c", "a", "b", "b", "b"});
}

TEST_CASE("make_classification puts signal where it says", "[data][make_classification]") {
  const Dataset data = make_classification({.n_samples = 4000, .missing_rate = 0.0, .seed = 5});
  // Informative columns: class centres a hypercube edge apart on at least one of them.
  double largest_gap = 0.0;
  for (const char* column : {"x0", "x1", "x2", "x3"}) {
    const double gap = std::abs(class_mean(data, column, 0) - class_mean(data, column, 1)) /
                       standard_deviation(data, column);
    largest_gap = std::max(largest_gap, gap);
  }
  CHECK(largest_gap > 1.0);
  // Noise columns: no difference beyond sampling error.
  for (const char* column : {"x4", "x5"}) {
    INFO(column);
    CHECK(std::abs(class_mean(data, column, 0) - class_mean(data, column, 1)) /
              standard_deviation(data, column) <
          0.15);
  }
  // Columns come in different units.
  CHECK(standard_deviation(data, "x4") != Approx(standard_deviation(data, "x5")).epsilon(0.05));
  // c0 leans to "a" for class 0 and to "b" for class 1; c1 does not depend on the class.
  std::map<std::pair<int, std::string>, int> c0_counts;
  const auto labels = data.column("target").numeric_values();
  for (std::size_t row = 0; row < data.n_rows(); ++row) {
    ++c0_counts[{static_cast<int>(labels[row]), data.column("c0").value_string(row)}];
  }
  CHECK(c0_counts[{0, "a"}] > 2 * c0_counts[{1, "a"}]);
  CHECK(c0_counts[{1, "b"}] > 2 * c0_counts[{0, "b"}]);
}

TEST_CASE("make_classification data can be learned by a pipeline", "[data][make_classification]") {
  const Dataset data = make_classification({.n_samples = 1000, .weights = {0.7, 0.3}, .seed = 11});
  std::vector<std::size_t> train(700), test(300);
  std::iota(train.begin(), train.end(), 0);
  std::iota(test.begin(), test.end(), 700);
  auto [x_train, y_train] = data.take(train).split_target("target");
  auto [x_test, y_test] = data.take(test).split_target("target");
  auto pipeline = loom::pipeline::Pipeline::from_spec(loom::Json::parse(R"({"steps": [
    {"name": "prep", "type": "ColumnTransformer", "params": {"transformers": [
      {"name": "num", "type": "Pipeline", "columns": {"dtype": "numeric"}, "params": {"steps": [
        {"name": "imputer", "type": "SimpleImputer", "params": {"strategy": "median"}},
        {"name": "scaler", "type": "StandardScaler"}]}}]}},
    {"name": "model", "type": "LogisticRegression"}]})"));
  pipeline.fit(x_train, &y_train);
  const Column predicted = pipeline.predict(x_test);
  std::size_t right = 0;
  for (std::size_t row = 0; row < y_test.size(); ++row) {
    if (predicted.numeric_values()[row] == y_test.numeric_values()[row]) ++right;
  }
  const double accuracy = static_cast<double>(right) / static_cast<double>(y_test.size());
  INFO("accuracy " << accuracy);
  CHECK(accuracy > 0.75);  // the majority class alone gives 0.7
}

TEST_CASE("make_classification names the parameter it refuses",
          "[data][make_classification][errors]") {
  CHECK_LOOM_THROWS(make_classification({.n_numeric = 3, .n_informative = 4}), loom::ParameterError,
                    "make_classification: parameter n_informative = 4 must be <= n_numeric (3)");
  CHECK_LOOM_THROWS(make_classification({.n_classes = 1}), loom::ParameterError,
                    "make_classification: parameter n_classes = 1 must be >= 2");
  CHECK_LOOM_THROWS(make_classification({.n_informative = 1, .n_classes = 3}), loom::ParameterError,
                    "parameter n_classes = 3 must be <= 2^n_informative (2)");
  CHECK_LOOM_THROWS(make_classification({.n_samples = 0}), loom::ParameterError,
                    "parameter n_samples = 0 must be >= 1");
  CHECK_LOOM_THROWS(make_classification({.n_categories = 0}), loom::ParameterError,
                    "parameter n_categories = 0 must be >= 1");
  CHECK_LOOM_THROWS(make_classification({.weights = {0.2, 0.3, 0.5}}), loom::ParameterError,
                    "parameter weights = [0.2,0.3,0.5] must hold n_classes (2) or n_classes - 1");
  CHECK_LOOM_THROWS(make_classification({.weights = {1.5, -0.5}}), loom::ParameterError,
                    "must hold proportions >= 0");
  CHECK_LOOM_THROWS(make_classification({.n_classes = 3, .weights = {0.7, 0.6}}),
                    loom::ParameterError, "leaving nothing for the last class");
  CHECK_LOOM_THROWS(make_classification({.weights = {0.0, 0.0}}), loom::ParameterError,
                    "must have a positive sum");
  CHECK_LOOM_THROWS(make_classification({.missing_rate = 1.0}), loom::ParameterError,
                    "parameter missing_rate = 1.0 must be in [0, 1)");
  CHECK_LOOM_THROWS(make_classification({.class_separation = -1.0}), loom::ParameterError,
                    "parameter class_separation = -1.0 must be >= 0");
}

TEST_CASE("make_classification parameters convert to and from JSON",
          "[data][make_classification][params]") {
  MakeClassificationParams params;
  loom::set_param_from_json("make_classification", params, "weights", {0.8, 0.2});
  loom::set_param_from_json("make_classification", params, "seed", 9);
  CHECK(params.weights == std::vector<double>{0.8, 0.2});
  CHECK(params.seed == 9);
  const loom::Json json = loom::params_to_json(params);
  CHECK(json["n_samples"] == 1000);
  CHECK(json["missing_rate"] == 0.05);
  CHECK(json["weights"] == loom::Json({0.8, 0.2}));
}
