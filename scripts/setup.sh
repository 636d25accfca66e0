#!/usr/bin/env bash
# Installs everything loom needs to build, test and benchmark, from Debian 12 packages.
# Idempotent: when every package is already installed it changes nothing and needs no network.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git clang-format
  libeigen3-dev libxtensor-dev xtl-dev libfmt-dev nlohmann-json3-dev
  catch2 libbenchmark-dev
  python3 python3-sklearn python3-imblearn python3-pandas python3-xgboost
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("${package}")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup.sh: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup.sh: not root and sudo is not available; install as root: ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "setup.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
echo "setup.sh: done"
