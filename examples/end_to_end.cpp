// loom from end to end: generate a messy table, write it to CSV and read it back, split it,
// build a pipeline from a JSON spec, fit it with a progress callback, evaluate it, save it,
// load it back and check that the loaded model predicts exactly the same.
//
// Build and run:  ninja loom_example_end_to_end && ./examples/loom_example_end_to_end
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "loom/core/error.hpp"
#include "loom/data/make_classification.hpp"
#include "loom/io/csv.hpp"
#include "loom/pipeline/pipeline.hpp"
#include "loom/pipeline/serialization.hpp"

namespace fs = std::filesystem;

namespace {

// A folder of our own under the system's temporary folder, removed when we are done.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device device;
    path_ = fs::temp_directory_path() / ("loom-end-to-end-" + std::to_string(device()));
    fs::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Rows 0..n-1 in a random order fixed by the seed (Fisher-Yates on the raw engine output, so
// the split is the same with every standard library).
std::vector<std::size_t> shuffled_rows(std::size_t n, std::uint64_t seed) {
  std::vector<std::size_t> rows(n);
  for (std::size_t i = 0; i < n; ++i)
    rows[i] = i;
  std::mt19937_64 engine(seed);
  for (std::size_t i = n; i > 1; --i)
    std::swap(rows[i - 1], rows[engine() % i]);
  return rows;
}

// loom::metrics has accuracy_score; counting by hand keeps this example to the pipeline API.
struct Scores {
  double accuracy = 0.0;
  double balanced_accuracy = 0.0;  // mean recall over the classes
};

Scores score(const loom::Column& truth, const loom::Column& predicted) {
  const auto y = truth.numeric_values();
  const auto p = predicted.numeric_values();
  std::size_t right = 0;
  std::vector<double> hits(2, 0.0), totals(2, 0.0);
  for (std::size_t row = 0; row < y.size(); ++row) {
    const auto label = static_cast<std::size_t>(y[row]);
    totals[label] += 1.0;
    if (p[row] == y[row]) {
      ++right;
      hits[label] += 1.0;
    }
  }
  return {static_cast<double>(right) / static_cast<double>(y.size()),
          (hits[0] / totals[0] + hits[1] / totals[1]) / 2.0};
}

// The pipeline, as a user would keep it in a file. Numeric columns: median imputation, then
// scaling. Categorical columns: loom has no OneHotEncoder yet, and LogisticRegression needs
// numbers, so they are dropped here; once an encoder exists, this entry becomes
// Pipeline[SimpleImputer(most_frequent), OneHotEncoder]. class_weight "balanced" makes the
// rare class count as much as the common one.
constexpr const char* kSpec = R"({"steps": [
  {"name": "prep", "type": "ColumnTransformer", "params": {
    "transformers": [
      {"name": "num", "type": "Pipeline", "columns": {"dtype": "numeric"}, "params": {"steps": [
        {"name": "imputer", "type": "SimpleImputer", "params": {"strategy": "median"}},
        {"name": "scaler", "type": "StandardScaler"}]}},
      {"name": "cat", "type": "drop", "columns": {"dtype": "categorical"}}],
    "remainder": "drop"}},
  {"name": "model", "type": "LogisticRegression",
   "params": {"C": 1.0, "class_weight": "balanced"}}]})";

int run() {
  ScratchFolder scratch;

  // 1. A messy table: imbalanced classes, missing values, categorical columns.
  const loom::Dataset generated = loom::data::make_classification({.n_samples = 2000,
                                                                   .n_numeric = 6,
                                                                   .n_informative = 4,
                                                                   .n_categorical = 2,
                                                                   .weights = {0.8, 0.2},
                                                                   .missing_rate = 0.08,
                                                                   .seed = 2024});

  // 2. Through a CSV file and back, as data usually arrives.
  const std::string csv_path = scratch.file("customers.csv");
  loom::io::write_csv(generated, csv_path);
  const loom::Dataset data = loom::io::read_csv(csv_path);
  std::size_t missing = 0;
  for (const auto& column : data.columns())
    missing += column.count_missing();
  std::printf("data     %zu rows x %zu columns read back from CSV, %zu cells missing\n",
              data.n_rows(), data.n_columns(), missing);

  // 3. Train / test split: 75% / 25% of the rows, shuffled.
  const auto rows = shuffled_rows(data.n_rows(), 7);
  const std::size_t n_train = data.n_rows() * 3 / 4;
  const std::vector<std::size_t> train_rows(rows.begin(), rows.begin() + n_train);
  const std::vector<std::size_t> test_rows(rows.begin() + n_train, rows.end());
  const auto [x_train, y_train] = data.take(train_rows).split_target("target");
  const auto [x_test, y_test] = data.take(test_rows).split_target("target");

  // 4. The pipeline from its JSON spec, fitted with progress reported on stderr.
  loom::pipeline::Pipeline pipeline = loom::pipeline::Pipeline::from_spec(loom::Json::parse(kSpec));
  pipeline.set_name("churn");
  pipeline.set_progress_all([](const loom::ProgressEvent& event) {
    std::fprintf(stderr, "  progress  %-20.*s %zu/%zu\n", static_cast<int>(event.stage.size()),
                 event.stage.data(), event.done, event.total);
  });
  pipeline.fit(x_train, &y_train);
  std::printf("features %zu after the ColumnTransformer:", pipeline.feature_names_out().size());
  for (const auto& name : pipeline.feature_names_out())
    std::printf(" %s", name.c_str());
  std::printf("\n");

  // 5. Evaluation on the held-out rows.
  const loom::Column predicted = pipeline.predict(x_test);
  const Scores scores = score(y_test, predicted);
  std::size_t majority = 0;
  for (double label : y_test.numeric_values())
    majority += label == 0.0 ? 1 : 0;
  std::printf(
      "test     accuracy %.3f (always predicting the majority class: %.3f), "
      "balanced accuracy %.3f\n",
      scores.accuracy, static_cast<double>(majority) / static_cast<double>(y_test.size()),
      scores.balanced_accuracy);

  // 6. Save, load, and check that the loaded model gives exactly the same answers.
  const std::string model_path = scratch.file("churn-model.json");
  loom::pipeline::save(pipeline, model_path, {{"trained_on_rows", n_train}});
  const loom::pipeline::Pipeline loaded = loom::pipeline::load(model_path);
  const loom::Column reloaded = loaded.predict(x_test);
  const bool same_labels =
      std::equal(predicted.numeric_values().begin(), predicted.numeric_values().end(),
                 reloaded.numeric_values().begin());
  const bool same_probabilities = loaded.predict_proba(x_test) == pipeline.predict_proba(x_test);
  std::printf("model    saved (%ju bytes) and loaded: predictions %s, probabilities %s\n",
              static_cast<std::uintmax_t>(fs::file_size(model_path)),
              same_labels ? "identical" : "DIFFERENT",
              same_probabilities ? "identical" : "DIFFERENT");
  if (!same_labels || !same_probabilities) {
    std::fprintf(stderr, "error: the loaded model does not predict as the saved one\n");
    return 1;
  }
  if (scores.accuracy < 0.8) {
    std::fprintf(stderr, "error: accuracy %.3f is lower than this data allows\n", scores.accuracy);
    return 1;
  }
  return 0;
}

}  // namespace

int main() {
  try {
    return run();
  } catch (const loom::Error& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
  }
}
