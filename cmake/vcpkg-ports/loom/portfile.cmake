# vcpkg overlay port for loom:
#   vcpkg install loom --overlay-ports=<loom>/cmake/vcpkg-ports
# By default it builds the loom checkout that holds this port (three folders up), so no
# download is needed; with a local source vcpkg cannot see source edits, so pass --editable
# (or --no-binarycaching) after changing it. To build a published commit instead, set
# LOOM_GIT_URL and LOOM_GIT_REF (a full commit sha) and let them through to the port with
# VCPKG_KEEP_ENV_VARS=LOOM_GIT_URL;LOOM_GIT_REF.

# loom's sources carry no dllexport annotations: build it as a static library everywhere.
vcpkg_check_linkage(ONLY_STATIC_LIBRARY)

if(DEFINED ENV{LOOM_GIT_URL} AND DEFINED ENV{LOOM_GIT_REF})
  vcpkg_from_git(
    OUT_SOURCE_PATH SOURCE_PATH
    URL "$ENV{LOOM_GIT_URL}"
    REF "$ENV{LOOM_GIT_REF}"
    HEAD_REF main
  )
else()
  get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
  if(NOT EXISTS "${SOURCE_PATH}/include/loom/core/dataset.hpp")
    message(FATAL_ERROR "loom port: no loom checkout at ${SOURCE_PATH}; "
                        "set LOOM_GIT_URL and LOOM_GIT_REF to fetch one")
  endif()
endif()

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    -DLOOM_BUILD_TESTS=OFF
    -DLOOM_BUILD_BENCHMARKS=OFF
    -DLOOM_BUILD_EXAMPLES=OFF
    -DLOOM_BUILD_CLI=OFF
    -DLOOM_INSTALL=ON
    -DLOOM_WARNINGS_AS_ERRORS=OFF
)
vcpkg_cmake_install()
# loom installs its package files to lib/cmake/loom; vcpkg wants them in share/loom.
vcpkg_cmake_config_fixup(PACKAGE_NAME loom CONFIG_PATH lib/cmake/loom)

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include" "${CURRENT_PACKAGES_DIR}/debug/share")

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
