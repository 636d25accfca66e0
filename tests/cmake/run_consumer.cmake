# Driver for the consumer tests (cmake -P). Builds a tiny downstream project that uses loom
# one way and runs it. Variables (-D):
#   STEP             install | find_package | add_subdirectory | fetch_content
#   LOOM_SOURCE_DIR  the loom checkout
#   LOOM_BUILD_DIR   loom's own build folder, whose library "install" installs (no rebuild)
#   WORK_DIR         scratch folder shared by the steps (the install prefix lives there)
#   GENERATOR        CMake generator for the nested builds (optional)
#   MAKE_PROGRAM     its build tool (optional)
#   CXX_COMPILER     C++ compiler for the nested builds (optional)
#   BUILD_TYPE       build type of the nested builds (default Debug: quickest to compile)
#   JOBS             parallel build jobs (default 2)
# "install" installs the library loom's own build made into WORK_DIR/prefix; find_package
# needs it first (ctest fixture). "add_subdirectory" configures a consumer that adds the
# checkout as a subdirectory and checks what loom adds there; "fetch_content" builds loom
# inside its consumer (FetchContent_MakeAvailable is add_subdirectory underneath, so one
# nested build of the library covers both) and runs the program.
cmake_minimum_required(VERSION 3.20)

foreach(required STEP LOOM_SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "run_consumer.cmake: -D${required}=... is required")
  endif()
endforeach()
if(NOT BUILD_TYPE)
  set(BUILD_TYPE Debug)
endif()
if(NOT JOBS)
  set(JOBS 2)
endif()

set(common_args -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(GENERATOR)
  list(APPEND common_args -G ${GENERATOR})
endif()
if(MAKE_PROGRAM)
  list(APPEND common_args -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
if(CXX_COMPILER)
  list(APPEND common_args -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
endif()
set(prefix ${WORK_DIR}/prefix)

# Runs a command, echoing it; stops with its output on failure. Output goes to ${out_var}.
function(run_checked out_var)
  string(REPLACE ";" " " shown "${ARGN}")
  message(STATUS "run: ${shown}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output
                  ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "command failed (${result}): ${shown}\n${output}")
  endif()
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()

if(STEP STREQUAL "install")
  if(NOT IS_DIRECTORY "${LOOM_BUILD_DIR}")
    message(FATAL_ERROR "run_consumer.cmake: -DLOOM_BUILD_DIR=<loom's build folder> is required")
  endif()
  file(REMOVE_RECURSE ${prefix})
  run_checked(output ${CMAKE_COMMAND} --install ${LOOM_BUILD_DIR} --prefix ${prefix})

  file(GLOB_RECURSE config_files ${prefix}/*/loomConfig.cmake)
  file(GLOB_RECURSE version_files ${prefix}/*/loomConfigVersion.cmake)
  file(GLOB_RECURSE target_files ${prefix}/*/loomTargets.cmake)
  if(NOT config_files OR NOT version_files OR NOT target_files)
    message(FATAL_ERROR "install lacks loomConfig/loomConfigVersion/loomTargets.cmake")
  endif()
  if(NOT EXISTS ${prefix}/include/loom/core/dataset.hpp)
    message(FATAL_ERROR "install lacks include/loom/core/dataset.hpp")
  endif()
  file(READ ${target_files} targets_text)
  string(FIND "${targets_text}" "${LOOM_SOURCE_DIR}" source_path_at)
  if(targets_text MATCHES "-Werror|-march|-fsanitize" OR source_path_at GREATER -1)
    message(FATAL_ERROR "loomTargets.cmake exports project-only flags or source paths:\n"
                        "${targets_text}")
  endif()
  message(STATUS "loom installed into ${prefix}")
  return()
endif()

set(consumer_source ${CMAKE_CURRENT_LIST_DIR}/${STEP})
if(NOT EXISTS ${consumer_source}/CMakeLists.txt)
  message(FATAL_ERROR "unknown STEP '${STEP}'")
endif()
set(build_dir ${WORK_DIR}/${STEP}-build)
# Always configure from scratch so that loom's option defaults, not a stale cache, are tested.
file(REMOVE_RECURSE ${build_dir})

set(consumer_args -DLOOM_SOURCE_DIR=${LOOM_SOURCE_DIR})
if(STEP STREQUAL "find_package")
  # Only the install prefix may provide loom.
  set(consumer_args -DCMAKE_PREFIX_PATH=${prefix})
endif()
run_checked(output ${CMAKE_COMMAND} -S ${consumer_source} -B ${build_dir} ${common_args}
            ${consumer_args})
message(STATUS "${output}")
if(STEP STREQUAL "find_package")
  file(STRINGS ${build_dir}/CMakeCache.txt loom_dir_line REGEX "^loom_DIR:")
  string(FIND "${loom_dir_line}" "${prefix}/" at)
  if(NOT at GREATER -1)
    message(FATAL_ERROR "find_package found loom outside the install prefix: ${loom_dir_line}")
  endif()
endif()

if(STEP STREQUAL "add_subdirectory")
  # Configured and checked above (loom_check_subproject); fetch_content builds the same way.
  return()
endif()
run_checked(output ${CMAKE_COMMAND} --build ${build_dir} --parallel ${JOBS})
run_checked(output ${build_dir}/bin/loom_consumer)
message(STATUS "consumer printed: ${output}")
if(NOT output MATCHES "loom consumer \\(${STEP}\\): n_rows=3")
  message(FATAL_ERROR "unexpected output from the ${STEP} consumer: '${output}'")
endif()
