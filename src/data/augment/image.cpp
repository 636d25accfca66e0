#include "loom/data/augment/image.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "loom/core/error.hpp"
#include "portable_random.hpp"

namespace loom::data::augment {

namespace {

void check_range(double low, double high) {
  if (!(low <= high)) {
    throw ParameterError(
        fmt::format("clip range [low, high] = [{}, {}]: low must not exceed high", low, high));
  }
}

// Applies f to every value and clips the result to [low, high].
template <typename F>
Image map_clipped(const Image& image, double low, double high, F f) {
  Image out(image.shape());
  auto source = image.cbegin();
  for (auto target = out.begin(); target != out.end(); ++target, ++source) {
    *target = std::clamp(f(*source), low, high);
  }
  return out;
}

}  // namespace

Image flip_horizontal(const Image& image) {
  const std::size_t h = image.shape(0), w = image.shape(1), c = image.shape(2);
  Image out(image.shape());
  for (std::size_t i = 0; i < h; ++i)
    for (std::size_t j = 0; j < w; ++j)
      for (std::size_t k = 0; k < c; ++k)
        out(i, j, k) = image(i, w - 1 - j, k);
  return out;
}

Image flip_vertical(const Image& image) {
  const std::size_t h = image.shape(0), w = image.shape(1), c = image.shape(2);
  Image out(image.shape());
  for (std::size_t i = 0; i < h; ++i)
    for (std::size_t j = 0; j < w; ++j)
      for (std::size_t k = 0; k < c; ++k)
        out(i, j, k) = image(h - 1 - i, j, k);
  return out;
}

Image rotate90(const Image& image, int k) {
  const int turns = ((k % 4) + 4) % 4;
  const std::size_t h = image.shape(0), w = image.shape(1), c = image.shape(2);
  if (turns == 0) return image;
  if (turns == 2) return flip_vertical(flip_horizontal(image));
  auto out = Image::from_shape({w, h, c});
  for (std::size_t i = 0; i < w; ++i) {
    for (std::size_t j = 0; j < h; ++j) {
      for (std::size_t ch = 0; ch < c; ++ch) {
        // np.rot90 k=1: out[i, j] = in[j, w - 1 - i]; k=3: out[i, j] = in[h - 1 - j, i].
        out(i, j, ch) = turns == 1 ? image(j, w - 1 - i, ch) : image(h - 1 - j, i, ch);
      }
    }
  }
  return out;
}

Image crop(const Image& image, std::size_t top, std::size_t left, std::size_t height,
           std::size_t width) {
  const std::size_t h = image.shape(0), w = image.shape(1), c = image.shape(2);
  if (height == 0 || width == 0) {
    throw ParameterError(
        fmt::format("crop size {} x {}: height and width must be positive", height, width));
  }
  if (top + height > h || left + width > w) {
    throw ParameterError(
        fmt::format("crop of {} x {} at (top {}, left {}) does not fit in an image of {} x {}",
                    height, width, top, left, h, w));
  }
  auto out = Image::from_shape({height, width, c});
  for (std::size_t i = 0; i < height; ++i)
    for (std::size_t j = 0; j < width; ++j)
      for (std::size_t k = 0; k < c; ++k)
        out(i, j, k) = image(top + i, left + j, k);
  return out;
}

Image random_crop(const Image& image, std::size_t height, std::size_t width, std::mt19937_64& rng) {
  const std::size_t h = image.shape(0), w = image.shape(1);
  if (height == 0 || width == 0 || height > h || width > w) {
    throw ParameterError(
        fmt::format("random_crop size {} x {}: must be positive and at most the image's {} x {}",
                    height, width, h, w));
  }
  const std::size_t top = detail::uniform_index(rng, h - height + 1);
  const std::size_t left = detail::uniform_index(rng, w - width + 1);
  return crop(image, top, left, height, width);
}

Image adjust_brightness(const Image& image, double delta, double low, double high) {
  check_range(low, high);
  if (!std::isfinite(delta)) {
    throw ParameterError(fmt::format("brightness delta {} must be finite", delta));
  }
  return map_clipped(image, low, high, [delta](double v) { return v + delta; });
}

Image scale_brightness(const Image& image, double factor, double low, double high) {
  check_range(low, high);
  if (!(factor >= 0.0) || !std::isfinite(factor)) {
    throw ParameterError(fmt::format("brightness factor {} must be finite and >= 0", factor));
  }
  return map_clipped(image, low, high, [factor](double v) { return v * factor; });
}

Image random_brightness(const Image& image, double max_delta, std::mt19937_64& rng, double low,
                        double high) {
  check_range(low, high);
  if (!(max_delta >= 0.0) || !std::isfinite(max_delta)) {
    throw ParameterError(fmt::format("max_delta {} must be finite and >= 0", max_delta));
  }
  const double delta = (2.0 * detail::uniform01(rng) - 1.0) * max_delta;
  return adjust_brightness(image, delta, low, high);
}

Image gaussian_noise(const Image& image, double stddev, std::mt19937_64& rng, double low,
                     double high) {
  check_range(low, high);
  if (!(stddev >= 0.0) || !std::isfinite(stddev)) {
    throw ParameterError(fmt::format("noise stddev {} must be finite and >= 0", stddev));
  }
  return map_clipped(image, low, high,
                     [&](double v) { return v + stddev * detail::standard_normal(rng); });
}

}  // namespace loom::data::augment
