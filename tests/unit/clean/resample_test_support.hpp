#pragma once
// Shared by the resampler tests: the imbalanced-learn fixture (make_clean_resample.py) as
// loom tables, and checks of a resampled output against imblearn's.
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "loom/core/step.hpp"

namespace loom::test {

inline const nlohmann::json& sampler_fixture() {
  static const nlohmann::json fixture = load_fixture("clean/resample_samplers.json");
  return fixture;
}

// The fixture's cases for one method, in file order.
inline std::vector<nlohmann::json> sampler_cases(const std::string& method) {
  std::vector<nlohmann::json> cases;
  const nlohmann::json& all = sampler_fixture()["cases"];
  for (const auto& item : all) {
    if (item["method"] == method) cases.push_back(item);
  }
  return cases;
}

inline Dataset numeric_dataset(const nlohmann::json& rows) {
  const Eigen::MatrixXd x = to_matrix(rows);
  std::vector<Column> columns;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const auto column = x.col(j);
    columns.push_back(Column::numeric("x" + std::to_string(j),
                                      std::vector<double>(column.begin(), column.end())));
  }
  return Dataset(std::move(columns));
}

// Numbers become a numeric target, strings a categorical one.
inline Column labels_column(const nlohmann::json& values, const std::string& name = "y") {
  if (!values.empty() && values[0].is_number()) return Column::numeric(name, to_vector(values));
  std::vector<std::optional<std::string>> labels;
  for (const auto& value : values)
    labels.emplace_back(value.get<std::string>());
  return Column::categorical_from_values(name, labels);
}

struct SamplerData {
  Dataset x;
  Column y;
};

inline SamplerData case_data(const nlohmann::json& item) {
  const nlohmann::json& data = sampler_fixture()["datasets"][item["data"].get<std::string>()];
  return {numeric_dataset(data["X"]), labels_column(data["y"])};
}

// Rows per label, as "label" -> count.
inline std::map<std::string, std::size_t> label_counts(const Column& labels) {
  std::map<std::string, std::size_t> counts;
  for (std::size_t row = 0; row < labels.size(); ++row)
    ++counts[labels.value_string(row)];
  return counts;
}

inline std::map<std::string, std::size_t> label_counts(const nlohmann::json& labels) {
  std::map<std::string, std::size_t> counts;
  for (const auto& label : labels)
    ++counts[label.is_string() ? label.get<std::string>() : format_number(label.get<double>())];
  return counts;
}

// An over-sampler's output equals imblearn's: the input rows first, unchanged, then the new
// rows (to 1e-9) with their labels.
inline void check_over_sampled(const SamplerData& data, const Table& x, const Column& y,
                               const nlohmann::json& item) {
  const std::size_t n = data.x.n_rows();
  const Eigen::MatrixXd input = data.x.to_matrix();
  const Eigen::MatrixXd output = x.to_dense("test");
  const Eigen::MatrixXd expected_new = to_matrix(item["X_new"]);
  REQUIRE(output.rows() == static_cast<Eigen::Index>(n) + expected_new.rows());
  CHECK(output.topRows(static_cast<Eigen::Index>(n)) == input);
  CHECK(all_close(output.bottomRows(expected_new.rows()), expected_new, 1e-9));
  REQUIRE(y.size() == item["y_res"].size());
  for (std::size_t row = 0; row < y.size(); ++row) {
    const auto& label = item["y_res"][row];
    const std::string expected =
        label.is_string() ? label.get<std::string>() : format_number(label.get<double>());
    if (y.value_string(row) != expected) {
      FAIL_CHECK("row " << row << ": label " << y.value_string(row) << ", imblearn " << expected);
      break;
    }
  }
}

}  // namespace loom::test
