#include "loom/clean/outlier_remover.hpp"

#include <fmt/format.h>

namespace loom::clean {

OutlierRemover::OutlierRemover(std::string method, Json params)
    : method_(std::move(method)), detector_params_(Json::object()) {
  set_params(params);
}

std::unique_ptr<OutlierDetector> OutlierRemover::make_detector() const {
  try {
    auto detector = make_outlier_detector(method_);
    detector->set_params(detector_params_);
    return detector;
  } catch (const ParameterError& error) {
    throw ParameterError(fmt::format("{}: {}", describe(), error.what()));
  }
}

Json OutlierRemover::get_params() const {
  Json params = {{"method", method_}};
  try {
    params.update(make_outlier_detector(method_)->get_params());
  } catch (const ParameterError&) {
    // An unknown method has no defaults to show; validate_params reports it.
  }
  params.update(detector_params_);
  return params;
}

void OutlierRemover::set_param(std::string_view name, const Json& value) {
  if (name == "method") {
    if (!value.is_string()) {
      throw ParameterError(
          fmt::format("{}: parameter method = {} must be a string", describe(), value.dump()));
    }
    method_ = value.get<std::string>();
    return;
  }
  // The detector's parameters are checked against the method when the step is validated, so
  // "method" may come after them in a JSON object.
  detector_params_[std::string(name)] = value;
}

void OutlierRemover::validate_params() const {
  const auto detector = make_detector();
  try {
    detector->validate_params();
  } catch (const ParameterError& error) {
    throw ParameterError(fmt::format("{}: {}", describe(), error.what()));
  }
}

std::pair<Table, Column> OutlierRemover::fit_resample(const Table& x, const Column& y) {
  auto detector = make_detector();
  if (x.is_sparse()) {
    throw DataError(
        fmt::format("{}: sparse input is not supported; remove outliers before "
                    "encoding",
                    describe()));
  }
  if (y.size() != x.n_rows()) {
    throw DataError(fmt::format("{}: {} labels for {} rows", describe(), y.size(), x.n_rows()));
  }
  std::vector<std::string> names;
  Eigen::MatrixXd values;
  if (x.is_dataset()) {
    names = x.dataset().names_of_type(ColumnType::numeric);
    if (names.empty()) {
      throw DataError(
          fmt::format("{}: the input has no numeric column to detect outliers in", describe()));
    }
    values = x.dataset().to_matrix(names);
  } else {
    names = x.column_names();
    values = x.matrix().dense();
  }
  Eigen::VectorXi labels;
  try {
    labels = detector->fit_predict(values, names);
  } catch (const ParameterError& error) {
    throw ParameterError(fmt::format("{}: {}", describe(), error.what()));
  } catch (const DataError& error) {
    throw DataError(fmt::format("{}: {}", describe(), error.what()));
  }
  std::vector<std::size_t> kept;
  outlier_rows_.clear();
  for (Eigen::Index i = 0; i < labels.size(); ++i) {
    (labels(i) == 1 ? kept : outlier_rows_).push_back(static_cast<std::size_t>(i));
  }
  return {x.take(kept), y.take(kept)};
}

}  // namespace loom::clean
