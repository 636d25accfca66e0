#pragma once
// Image augmentation for small data sets: an image is an xtensor of height x width x
// channels (values in any range, 0..1 or 0..255 say). Flips and 90-degree rotations are
// exact (numpy's np.flip / np.rot90); random crop, brightness and Gaussian noise draw from a
// std::mt19937_64 the caller seeds: `std::mt19937_64 rng(seed)` and the same calls in the same
// order give the same images on every platform (loom turns the engine's words into numbers
// itself, not through the implementation-defined std:: distributions). torchvision /
// albumentations counterparts. Throws ParameterError naming the argument out of range.
#include <cstddef>
#include <random>
#include <xtensor/xtensor.hpp>

namespace loom::data::augment {

using Image = xt::xtensor<double, 3>;

// Mirrors left-right (reverses the width axis): np.flip(image, axis=1).
Image flip_horizontal(const Image& image);
// Mirrors top-bottom (reverses the height axis): np.flip(image, axis=0).
Image flip_vertical(const Image& image);
// Rotates by k * 90 degrees counter-clockwise (negative k: clockwise): np.rot90(image, k).
// An odd k swaps height and width.
Image rotate90(const Image& image, int k = 1);

// The height x width window whose top-left pixel is (top, left); it must fit in the image.
Image crop(const Image& image, std::size_t top, std::size_t left, std::size_t height,
           std::size_t width);
// A height x width window at a uniformly drawn position (top first, then left).
Image random_crop(const Image& image, std::size_t height, std::size_t width, std::mt19937_64& rng);

// Adds delta to every value, then clips to [low, high] (low <= high).
Image adjust_brightness(const Image& image, double delta, double low = 0.0, double high = 1.0);
// Multiplies every value by factor (>= 0), then clips to [low, high].
Image scale_brightness(const Image& image, double factor, double low = 0.0, double high = 1.0);
// adjust_brightness with delta drawn uniformly from [-max_delta, max_delta) (max_delta >= 0).
Image random_brightness(const Image& image, double max_delta, std::mt19937_64& rng,
                        double low = 0.0, double high = 1.0);
// Adds independent N(0, stddev^2) noise to every value (stddev >= 0, in the image's row-major
// order: row, column, channel), then clips to [low, high].
Image gaussian_noise(const Image& image, double stddev, std::mt19937_64& rng, double low = 0.0,
                     double high = 1.0);

}  // namespace loom::data::augment
