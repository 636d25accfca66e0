#include "loom/models/ensemble/detail/hist_boosting.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "loom/core/error.hpp"
#include "loom/core/json_state.hpp"
#include "loom/models/tree/detail/random.hpp"

namespace loom::models::detail {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// Rows split into training and validation parts: stratified by class for classifiers, as
// scikit-learn's train_test_split(stratify=y); each class gives round(fraction * size) rows,
// at least one when it has two or more.
void split_rows(std::size_t n_rows, const std::vector<int>& y_class, int n_classes, double fraction,
                std::uint64_t seed, std::vector<std::size_t>& train,
                std::vector<std::size_t>& validation) {
  Random random(seed);
  std::vector<std::vector<std::size_t>> groups(static_cast<std::size_t>(std::max(1, n_classes)));
  for (std::size_t row = 0; row < n_rows; ++row)
    groups[n_classes > 0 ? static_cast<std::size_t>(y_class[row]) : 0].push_back(row);
  std::vector<bool> held(n_rows, false);
  for (auto& group : groups) {
    for (std::size_t i = group.size(); i > 1; --i)
      std::swap(group[i - 1], group[random.below(i)]);
    std::size_t take =
        static_cast<std::size_t>(std::llround(fraction * static_cast<double>(group.size())));
    if (take == 0 && group.size() >= 2) take = 1;
    if (n_classes > 0 && take >= group.size()) take = group.size() - 1;  // keep a training row
    for (std::size_t i = 0; i < take; ++i)
      held[group[i]] = true;
  }
  for (std::size_t row = 0; row < n_rows; ++row)
    (held[row] ? validation : train).push_back(row);
}

// Mean loss of raw scores (rows x width) against targets.
double mean_loss(const Eigen::MatrixXd& raw, const std::vector<double>& y_value,
                 const std::vector<int>& y_class, int n_classes) {
  double total = 0.0;
  const Eigen::Index n = raw.rows();
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto row = static_cast<std::size_t>(i);
    if (n_classes == 0) {
      const double residual = raw(i, 0) - y_value[row];
      total += 0.5 * residual * residual;
    } else if (n_classes == 2) {
      const double z = raw(i, 0);
      // log(1 + exp(z)) - y z, computed without overflow.
      total +=
          std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z))) - (y_class[row] == 1 ? z : 0.0);
    } else {
      const double top = raw.row(i).maxCoeff();
      const double sum = (raw.row(i).array() - top).exp().sum();
      total += top + std::log(sum) - raw(i, y_class[row]);
    }
  }
  return total / static_cast<double>(std::max<Eigen::Index>(1, n));
}

// Gradients and hessians of the half losses of scikit-learn (hessians left empty for squared
// error: all 1) for output k.
void gradients_of(const Eigen::MatrixXd& raw, const std::vector<double>& y_value,
                  const std::vector<int>& y_class, int n_classes, Eigen::Index k,
                  std::vector<double>& gradients, std::vector<double>& hessians,
                  const Eigen::MatrixXd& probabilities) {
  const auto n = static_cast<std::size_t>(raw.rows());
  gradients.resize(n);
  if (n_classes == 0) {
    hessians.clear();
    for (std::size_t i = 0; i < n; ++i)
      gradients[i] = raw(static_cast<Eigen::Index>(i), 0) - y_value[i];
    return;
  }
  hessians.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double p = probabilities(static_cast<Eigen::Index>(i), k);
    const double target = n_classes == 2 ? (y_class[i] == 1 ? 1.0 : 0.0)
                                         : (y_class[i] == static_cast<int>(k) ? 1.0 : 0.0);
    gradients[i] = p - target;
    hessians[i] = p * (1.0 - p);
  }
}

Eigen::MatrixXd probabilities_of(const Eigen::MatrixXd& raw, int n_classes) {
  Eigen::MatrixXd p(raw.rows(), raw.cols());
  if (n_classes == 2) {
    for (Eigen::Index i = 0; i < raw.rows(); ++i)
      p(i, 0) = 1.0 / (1.0 + std::exp(-raw(i, 0)));
  } else if (n_classes > 2) {
    for (Eigen::Index i = 0; i < raw.rows(); ++i) {
      const Eigen::ArrayXd e = (raw.row(i).array() - raw.row(i).maxCoeff()).exp().transpose();
      p.row(i) = (e / e.sum()).matrix().transpose();
    }
  }
  return p;
}

// scikit-learn's _should_stop: no score among the last n_iter_no_change beats the one before
// them by more than tol.
bool should_stop(const std::vector<double>& scores, int n_iter_no_change, double tol) {
  const auto reference = static_cast<std::size_t>(n_iter_no_change) + 1;
  if (scores.size() < reference) return false;
  const double reference_score = scores[scores.size() - reference] + tol;
  for (std::size_t i = scores.size() - reference + 1; i < scores.size(); ++i) {
    if (scores[i] > reference_score) return false;
  }
  return true;
}

}  // namespace

bool resolve_early_stopping(const Json& early_stopping, std::size_t n_rows) {
  if (early_stopping.is_boolean()) return early_stopping.get<bool>();
  return n_rows > 10000;
}

HistBoosting fit_hist_boosting(const std::vector<RawColumn>& columns,
                               const std::vector<double>& y_value, const std::vector<int>& y_class,
                               const BoostSetup& setup) {
  const std::size_t n_all = columns.empty() ? 0
                                            : (columns[0].categorical ? columns[0].codes.size()
                                                                      : columns[0].values.size());
  std::vector<std::size_t> train, validation;
  const bool held_out = setup.early_stopping && setup.validation_fraction.has_value();
  if (held_out) {
    split_rows(n_all, y_class, setup.n_classes, *setup.validation_fraction, setup.seed, train,
               validation);
  } else {
    for (std::size_t row = 0; row < n_all; ++row)
      train.push_back(row);
  }
  auto targets = [&](const std::vector<std::size_t>& rows, std::vector<double>& values,
                     std::vector<int>& classes) {
    for (std::size_t row : rows) {
      if (setup.n_classes == 0) {
        values.push_back(y_value[row]);
      } else {
        classes.push_back(y_class[row]);
      }
    }
  };
  std::vector<double> train_values, validation_values;
  std::vector<int> train_classes, validation_classes;
  targets(train, train_values, train_classes);
  targets(validation, validation_values, validation_classes);

  HistBoosting model;
  // Thresholds from at most 200,000 training rows, as scikit-learn's subsample.
  std::vector<std::size_t> binning_rows = train;
  constexpr std::size_t kSubsample = 200000;
  if (binning_rows.size() > kSubsample) {
    Random random(setup.seed ^ 0x2545F4914F6CDD1Dull);
    for (std::size_t i = 0; i < kSubsample; ++i)
      std::swap(binning_rows[i], binning_rows[i + random.below(binning_rows.size() - i)]);
    binning_rows.resize(kSubsample);
  }
  model.mapper.fit(columns, setup.max_bins, binning_rows, "HistGradientBoosting");
  const std::vector<std::uint8_t> train_bins = model.mapper.transform(columns, train);
  std::vector<std::uint8_t> validation_bins;
  if (held_out) validation_bins = model.mapper.transform(columns, validation);

  BinnedData data;
  data.bins = train_bins.data();
  data.n_rows = train.size();
  data.n_features = columns.size();
  data.n_bins_non_missing = model.mapper.n_bins_non_missing();
  data.is_categorical = model.mapper.is_categorical();
  data.has_missing.assign(data.n_features, false);
  for (std::size_t j = 0; j < data.n_features; ++j) {
    const std::uint8_t* bins = data.bins + j * data.n_rows;
    data.has_missing[j] = std::find(bins, bins + data.n_rows, kMissingBin) != bins + data.n_rows;
  }

  const int width = setup.n_classes > 2 ? setup.n_classes : 1;
  const auto n_train = static_cast<Eigen::Index>(train.size());
  // Baseline: the mean target, the log-odds of the positive rate, or the centred log class
  // frequencies (scikit-learn's fit_intercept_only, probabilities clipped to [eps, 1 - eps]).
  model.baseline.assign(static_cast<std::size_t>(width), 0.0);
  if (setup.n_classes == 0) {
    double sum = 0.0;
    for (double value : train_values)
      sum += value;
    model.baseline[0] = sum / static_cast<double>(train_values.size());
  } else {
    std::vector<double> frequency(static_cast<std::size_t>(setup.n_classes), 0.0);
    for (int label : train_classes)
      frequency[static_cast<std::size_t>(label)] += 1.0 / static_cast<double>(train_classes.size());
    for (double& p : frequency)
      p = std::clamp(p, kEps, 1.0 - kEps);
    if (setup.n_classes == 2) {
      model.baseline[0] = std::log(frequency[1] / (1.0 - frequency[1]));
    } else {
      double mean_log = 0.0;
      for (double p : frequency)
        mean_log += std::log(p) / static_cast<double>(setup.n_classes);
      for (int k = 0; k < setup.n_classes; ++k)
        model.baseline[static_cast<std::size_t>(k)] =
            std::log(frequency[static_cast<std::size_t>(k)]) - mean_log;
    }
  }
  Eigen::MatrixXd raw(n_train, width);
  for (int k = 0; k < width; ++k)
    raw.col(k).setConstant(model.baseline[static_cast<std::size_t>(k)]);
  const auto n_validation = static_cast<Eigen::Index>(validation.size());
  Eigen::MatrixXd validation_raw(n_validation, width);
  for (int k = 0; k < width; ++k)
    validation_raw.col(k).setConstant(model.baseline[static_cast<std::size_t>(k)]);

  auto record_scores = [&] {
    if (!setup.early_stopping) return;
    if (held_out) {
      model.validation_score.push_back(
          -mean_loss(validation_raw, validation_values, validation_classes, setup.n_classes));
    } else {
      model.train_score.push_back(-mean_loss(raw, train_values, train_classes, setup.n_classes));
    }
  };
  record_scores();

  WorkerPool pool(setup.n_threads);
  std::vector<double> gradients, hessians;
  std::vector<std::vector<double>> all_gradients(static_cast<std::size_t>(width)),
      all_hessians(static_cast<std::size_t>(width));
  for (int iteration = 0; iteration < setup.max_iter; ++iteration) {
    // Every tree of an iteration uses the gradients at the iteration's start.
    const Eigen::MatrixXd probabilities = probabilities_of(raw, setup.n_classes);
    for (int k = 0; k < width; ++k) {
      gradients_of(raw, train_values, train_classes, setup.n_classes, k,
                   all_gradients[static_cast<std::size_t>(k)],
                   all_hessians[static_cast<std::size_t>(k)], probabilities);
    }
    std::vector<HistTree> trees;
    for (int k = 0; k < width; ++k) {
      std::span<double> raw_column(raw.col(k).data(), static_cast<std::size_t>(n_train));
      trees.push_back(grow_hist_tree(data, all_gradients[static_cast<std::size_t>(k)],
                                     all_hessians[static_cast<std::size_t>(k)], setup.grower, pool,
                                     raw_column));
    }
    if (held_out) {
      for (int k = 0; k < width; ++k) {
        for (Eigen::Index i = 0; i < n_validation; ++i) {
          validation_raw(i, k) += trees[static_cast<std::size_t>(k)].predict(
              validation_bins.data(), static_cast<std::size_t>(n_validation),
              static_cast<std::size_t>(i));
        }
      }
    }
    model.predictors.push_back(std::move(trees));
    record_scores();
    if (setup.progress)
      setup.progress(static_cast<std::size_t>(iteration) + 1,
                     static_cast<std::size_t>(setup.max_iter));
    if (setup.early_stopping && should_stop(held_out ? model.validation_score : model.train_score,
                                            setup.n_iter_no_change, setup.tol)) {
      break;
    }
  }
  return model;
}

Eigen::MatrixXd HistBoosting::raw_predict(const std::vector<RawColumn>& columns,
                                          std::size_t n_threads) const {
  const std::vector<std::uint8_t> bins = mapper.transform(columns, {});
  const std::size_t n_rows = columns.empty() ? 0 : bins.size() / columns.size();
  const auto width = static_cast<Eigen::Index>(baseline.size());
  Eigen::MatrixXd raw(static_cast<Eigen::Index>(n_rows), width);
  constexpr std::size_t kChunk = 2048;
  WorkerPool pool(n_rows >= 2 * kChunk ? n_threads : 1);
  pool.run((n_rows + kChunk - 1) / kChunk, [&](std::size_t chunk) {
    const std::size_t end = std::min(n_rows, (chunk + 1) * kChunk);
    for (std::size_t row = chunk * kChunk; row < end; ++row) {
      for (Eigen::Index k = 0; k < width; ++k) {
        double score = baseline[static_cast<std::size_t>(k)];
        for (const auto& trees : predictors)
          score += trees[static_cast<std::size_t>(k)].predict(bins.data(), n_rows, row);
        raw(static_cast<Eigen::Index>(row), k) = score;
      }
    }
  });
  return raw;
}

Json HistBoosting::to_json() const {
  Json iterations = Json::array();
  for (const auto& trees : predictors) {
    Json group = Json::array();
    for (const auto& tree : trees)
      group.push_back(tree.to_json());
    iterations.push_back(std::move(group));
  }
  return {{"bins", mapper.to_json()},
          {"baseline", state::from_vector(baseline)},
          {"predictors", std::move(iterations)},
          {"train_score", state::from_vector(train_score)},
          {"validation_score", state::from_vector(validation_score)}};
}

HistBoosting HistBoosting::from_json(const Json& saved, std::size_t n_features, std::size_t width,
                                     std::string_view caller) {
  HistBoosting model;
  model.mapper = BinMapper::from_json(state::field(saved, "bins"), caller);
  model.baseline = state::to_vector(saved, "baseline");
  if (model.mapper.n_features() != n_features || model.baseline.size() != width) {
    throw ParseError(fmt::format("{}: saved model does not match {} features and {} outputs",
                                 caller, n_features, width));
  }
  const Json& iterations = state::field(saved, "predictors");
  if (!iterations.is_array())
    throw ParseError(fmt::format("{}: predictors must be a list", caller));
  for (const Json& group : iterations) {
    if (!group.is_array() || group.size() != width) {
      throw ParseError(fmt::format("{}: each iteration must hold {} trees", caller, width));
    }
    std::vector<HistTree> trees;
    for (const Json& tree : group)
      trees.push_back(HistTree::from_json(tree, n_features, caller));
    model.predictors.push_back(std::move(trees));
  }
  model.train_score = state::to_vector(saved, "train_score");
  model.validation_score = state::to_vector(saved, "validation_score");
  return model;
}

}  // namespace loom::models::detail
