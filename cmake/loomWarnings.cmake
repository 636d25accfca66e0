# Warnings and sanitizers for loom's own targets only; nothing here is exported to consumers.
function(loom_project_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(LOOM_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # g++ 12 reports false -Warray-bounds / -Wstringop-overflow inside Eigen and false
      # -Wrestrict inside std::string at -O3 (GCC bug 105329).
      target_compile_options(${target} PRIVATE -Wno-array-bounds -Wno-stringop-overflow -Wno-restrict)
    endif()
    if(LOOM_SANITIZE)
      target_compile_options(${target} PRIVATE -fsanitize=${LOOM_SANITIZE} -fno-omit-frame-pointer
                                               -fno-sanitize-recover=all)
      target_link_options(${target} PRIVATE -fsanitize=${LOOM_SANITIZE})
      if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # The sanitizers' instrumentation makes g++ 12 report false -Wmaybe-uninitialized
        # inside libstdc++ (std::regex's std::function states, GCC bug 105562).
        target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
      endif()
    endif()
  endif()
endfunction()
