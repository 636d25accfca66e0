#include "loom/data/augment/image.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <vector>

#include "check_throws.hpp"
#include "loom/core/error.hpp"

using loom::data::augment::Image;
namespace augment = loom::data::augment;

namespace {

// A 2 x 3 image with 2 channels: value = 10 * row + column + channel / 10.
Image sample() {
  auto image = Image::from_shape({2, 3, 2});
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t j = 0; j < 3; ++j)
      for (std::size_t k = 0; k < 2; ++k)
        image(i, j, k) =
            10.0 * static_cast<double>(i) + static_cast<double>(j) + static_cast<double>(k) / 10.0;
  return image;
}

// Channel 0 of an image as rows, for readable expectations.
std::vector<std::vector<double>> channel0(const Image& image) {
  std::vector<std::vector<double>> rows(image.shape(0));
  for (std::size_t i = 0; i < image.shape(0); ++i)
    for (std::size_t j = 0; j < image.shape(1); ++j)
      rows[i].push_back(image(i, j, 0));
  return rows;
}

using Rows = std::vector<std::vector<double>>;

bool same_image(const Image& a, const Image& b) {
  return a.shape() == b.shape() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

TEST_CASE("flips and 90-degree rotations match numpy", "[augment]") {
  const Image image = sample();
  CHECK(channel0(augment::flip_horizontal(image)) == Rows{{2, 1, 0}, {12, 11, 10}});
  CHECK(channel0(augment::flip_vertical(image)) == Rows{{10, 11, 12}, {0, 1, 2}});
  // np.rot90([[0, 1, 2], [10, 11, 12]]) = [[2, 12], [1, 11], [0, 10]]
  const Image once = augment::rotate90(image);
  CHECK(once.shape(0) == 3);
  CHECK(once.shape(1) == 2);
  CHECK(channel0(once) == Rows{{2, 12}, {1, 11}, {0, 10}});
  CHECK(once(0, 1, 1) == Approx(12.1));  // channels travel with their pixel
  CHECK(channel0(augment::rotate90(image, 2)) == Rows{{12, 11, 10}, {2, 1, 0}});
  CHECK(channel0(augment::rotate90(image, 3)) == Rows{{10, 0}, {11, 1}, {12, 2}});
  CHECK(same_image(augment::rotate90(image, -1), augment::rotate90(image, 3)));
  CHECK(same_image(augment::rotate90(image, 4), image));
  CHECK(same_image(augment::rotate90(augment::rotate90(image, 1), 3), image));
  CHECK(same_image(augment::flip_horizontal(augment::flip_horizontal(image)), image));
}

TEST_CASE("crop and random_crop", "[augment]") {
  const Image image = sample();
  CHECK(channel0(augment::crop(image, 1, 1, 1, 2)) == Rows{{11, 12}});
  std::mt19937_64 rng(42);
  std::set<double> corners;
  for (int draw = 0; draw < 50; ++draw) {
    const Image window = augment::random_crop(image, 1, 2, rng);
    REQUIRE(window.shape(0) == 1);
    REQUIRE(window.shape(1) == 2);
    REQUIRE(window.shape(2) == 2);
    const double corner = window(0, 0, 0);
    // The window is a true sub-image: its right neighbour is the next column.
    CHECK(window(0, 1, 0) == corner + 1);
    corners.insert(corner);
  }
  CHECK(corners == std::set<double>{0, 1, 10, 11});  // every position is reached
  std::mt19937_64 a(7), b(7);
  CHECK(same_image(augment::random_crop(image, 1, 1, a), augment::random_crop(image, 1, 1, b)));
  CHECK_LOOM_THROWS(augment::crop(image, 1, 2, 1, 2), loom::ParameterError,
                    "crop of 1 x 2 at (top 1, left 2) does not fit in an image of 2 x 3");
  CHECK_LOOM_THROWS(augment::random_crop(image, 3, 1, rng), loom::ParameterError,
                    "random_crop size 3 x 1: must be positive and at most the image's 2 x 3");
  CHECK_LOOM_THROWS(augment::crop(image, 0, 0, 0, 1), loom::ParameterError,
                    "height and width must be positive");
}

TEST_CASE("brightness and noise stay in range and are reproducible", "[augment]") {
  const Image image(sample() / 20.0);  // values in [0, 0.61]
  const Image brighter = augment::adjust_brightness(image, 0.5);
  CHECK(brighter(0, 0, 0) == Approx(0.5));
  CHECK(brighter(1, 2, 1) == 1.0);  // 0.605 + 0.5 clipped
  const Image scaled = augment::scale_brightness(image, 2.0, 0.0, 1.0);
  CHECK(scaled(0, 1, 0) == Approx(0.1));
  CHECK(scaled(1, 2, 0) == 1.0);  // 1.2 clipped
  CHECK(augment::adjust_brightness(Image(image * 255.0), -100.0, 0.0, 255.0)(0, 2, 0) == 0.0);

  std::mt19937_64 a(3), b(3), c(4);
  const Image random_a = augment::random_brightness(image, 0.2, a);
  const Image random_b = augment::random_brightness(image, 0.2, b);
  CHECK(same_image(random_a, random_b));
  const double delta = random_a(1, 0, 0) - image(1, 0, 0);
  CHECK(std::abs(delta) <= 0.2);
  for (std::size_t j = 0; j < 3; ++j) {
    CHECK(random_a(1, j, 0) - image(1, j, 0) == Approx(delta));  // one delta for the image
  }

  auto large = Image::from_shape({64, 64, 3});
  large.fill(0.5);
  std::mt19937_64 d(11), e(11);
  const Image noisy = augment::gaussian_noise(large, 0.1, d);
  CHECK(same_image(noisy, augment::gaussian_noise(large, 0.1, e)));
  CHECK_FALSE(same_image(noisy, augment::gaussian_noise(large, 0.1, c)));
  double sum = 0.0, squares = 0.0;
  for (double v : noisy) {
    sum += v - 0.5;
    squares += (v - 0.5) * (v - 0.5);
  }
  const double n = static_cast<double>(noisy.size());
  CHECK(std::abs(sum / n) < 0.01);  // mean 0 within ~5 standard errors
  CHECK(std::sqrt(squares / n) == Approx(0.1).epsilon(0.05));
  const Image clipped = augment::gaussian_noise(large, 2.0, d, 0.0, 1.0);
  CHECK(*std::min_element(clipped.begin(), clipped.end()) == 0.0);
  CHECK(*std::max_element(clipped.begin(), clipped.end()) == 1.0);
  CHECK(same_image(augment::gaussian_noise(large, 0.0, d), large));

  CHECK_LOOM_THROWS(augment::adjust_brightness(image, 0.1, 1.0, 0.0), loom::ParameterError,
                    "clip range [low, high] = [1, 0]: low must not exceed high");
  CHECK_LOOM_THROWS(augment::scale_brightness(image, -1.0), loom::ParameterError,
                    "brightness factor -1 must be finite and >= 0");
  CHECK_LOOM_THROWS(augment::random_brightness(image, -0.1, a), loom::ParameterError,
                    "max_delta -0.1 must be finite and >= 0");
  CHECK_LOOM_THROWS(augment::gaussian_noise(image, NAN, a), loom::ParameterError,
                    "noise stddev nan must be finite and >= 0");
  CHECK_LOOM_THROWS(augment::adjust_brightness(image, INFINITY), loom::ParameterError,
                    "brightness delta inf must be finite");
}
