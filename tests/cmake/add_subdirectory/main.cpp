// A tiny program that uses loom the way a downstream project would (add_subdirectory).
#include <iostream>
#include <loom/core/dataset.hpp>

int main() {
  const loom::Dataset dataset({loom::Column::numeric("x", {1.0, 2.5, 4.0})});
  std::cout << "loom consumer (add_subdirectory): n_rows=" << dataset.n_rows() << '\n';
  return dataset.n_rows() == 3 ? 0 : 1;
}
