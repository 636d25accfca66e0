#pragma once
// The boosting loop that HistGradientBoostingClassifier and HistGradientBoostingRegressor
// share, as scikit-learn's BaseHistGradientBoosting.fit: a constant baseline, then per
// iteration one tree per output (one for regression and binary targets, one per class for
// multiclass) fitted to the loss's gradients and hessians, with early stopping on the loss of a
// held-out validation split. Internal.
#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "loom/models/ensemble/detail/hist_binning.hpp"
#include "loom/models/ensemble/detail/hist_tree.hpp"

namespace loom::models::detail {

struct BoostSetup {
  int n_classes = 0;  // 0: squared error; 2: binary log loss; > 2: multinomial
  int max_iter = 100;
  int max_bins = 255;
  GrowerOptions grower;
  bool early_stopping = false;
  std::optional<double> validation_fraction = 0.1;  // null: score on the training data
  int n_iter_no_change = 10;
  double tol = 1e-7;
  std::uint64_t seed = 0;
  std::size_t n_threads = 1;
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct HistBoosting {
  BinMapper mapper;
  std::vector<double> baseline;                       // one per tree of an iteration
  std::vector<std::vector<HistTree>> predictors;      // [iteration][tree of the iteration]
  std::vector<double> train_score, validation_score;  // minus the loss, from the baseline on

  std::size_t n_iter() const { return predictors.size(); }
  // Raw scores (before the link): n_rows x trees per iteration.
  Eigen::MatrixXd raw_predict(const std::vector<RawColumn>& columns, std::size_t n_threads) const;
  Json to_json() const;
  static HistBoosting from_json(const Json& state, std::size_t n_features, std::size_t width,
                                std::string_view caller);
};

// y_value for regression, y_class (class indices) for classification.
HistBoosting fit_hist_boosting(const std::vector<RawColumn>& columns,
                               const std::vector<double>& y_value, const std::vector<int>& y_class,
                               const BoostSetup& setup);

// Whether early stopping is on: "auto" turns it on above 10,000 rows, as scikit-learn.
bool resolve_early_stopping(const Json& early_stopping, std::size_t n_rows);

}  // namespace loom::models::detail
