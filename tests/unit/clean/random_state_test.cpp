#include "loom/clean/detail/random_state.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using loom::clean::detail::RandomState;

TEST_CASE("RandomState reproduces numpy's legacy RandomState draw for draw",
          "[clean][resample][random_state]") {
  const auto fixture = loom::test::load_fixture("clean/resample_random_state.json");
  const auto& cases = fixture["cases"];
  for (const auto& item : cases) {
    const auto seed = item["seed"].get<std::uint32_t>();
    INFO("seed " << seed);
    RandomState random(seed);
    CHECK(random.randint_many(17, 20) == item["randint_17"].get<std::vector<std::int64_t>>());
    CHECK(random.randint_many(1, 3) == item["randint_1"].get<std::vector<std::int64_t>>());
    for (const auto& value : item["random_sample"])
      CHECK(random.random_sample() == value.get<double>());
    CHECK(random.permutation(13) == item["permutation_13"].get<std::vector<std::size_t>>());
    for (const auto& value : item["randn"])
      CHECK(random.gauss() == Approx(value.get<double>()).epsilon(1e-14));
    CHECK(random.randint_many(std::int64_t{1} << 33 | 5, 4) ==
          item["randint_big"].get<std::vector<std::int64_t>>());
    for (const auto& value : item["beta_10_10"])
      CHECK(random.beta(10.0, 10.0) == Approx(value.get<double>()).epsilon(1e-13));
    CHECK(random.randint_many(1000, 3) == item["randint_after"].get<std::vector<std::int64_t>>());
  }
}

TEST_CASE("check_random_state gives the same stream for the same seed",
          "[clean][resample][random_state]") {
  auto first = loom::clean::detail::check_random_state(123);
  auto second = loom::clean::detail::check_random_state(123);
  CHECK(first.randint_many(1000, 10) == second.randint_many(1000, 10));
}
