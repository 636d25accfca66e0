// The README's API tour as a program that compiles and runs: it builds a pipeline in C++,
// tunes a parameter by path, fits with a progress callback, saves, loads and predicts.
#include <cstdio>
#include <filesystem>
#include <loom/loom.hpp>

int main() {
  loom::data::MakeClassificationParams generator;
  generator.n_samples = 400;
  generator.n_categorical = 0;
  const loom::Dataset data = loom::data::make_classification(generator);
  auto [features, labels] = data.split_target("target");

  loom::pipeline::Pipeline model;
  model.add<loom::clean::SimpleImputer>("impute", {.strategy = "median"})
      .add<loom::features::StandardScaler>("scale")
      .add<loom::models::LogisticRegression>("model", {.C = 0.5});
  model.set_param("model.C", 2.0);
  std::size_t events = 0;
  model.set_progress_all([&](const loom::ProgressEvent&) { ++events; });
  model.fit(features, &labels);

  const auto path = (std::filesystem::temp_directory_path() / "loom_tour_model.json").string();
  loom::pipeline::save(model, path);
  const auto loaded = loom::pipeline::load(path);
  const Eigen::MatrixXd probabilities = loaded.predict_proba(features);
  const bool same = probabilities == model.predict_proba(features);
  std::printf("C = %s, %zu progress events, P(class 1 | row 0) = %.3f, reloaded identical: %s\n",
              loaded.get_param("model.C").dump().c_str(), events, probabilities(0, 1),
              same ? "yes" : "no");
  std::filesystem::remove(path);
  return same ? 0 : 1;
}
