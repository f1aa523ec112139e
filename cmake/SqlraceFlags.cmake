# Helpers shared by every sqlrace target.

# Include paths and definitions of the installed LLVM, added per target: no
# directory-wide include_directories, so the Clang-free layers stay Clang-free.
function(sqlrace_use_llvm target)
  target_include_directories(${target} SYSTEM PUBLIC ${LLVM_INCLUDE_DIRS})
  separate_arguments(_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_definitions(${target} PUBLIC ${_defs})
  target_link_libraries(${target} PUBLIC LLVM)
endfunction()

# Match the RTTI / exception settings LLVM itself was built with (read from
# LLVMConfig.cmake, not assumed). Only the catalogue loader uses exceptions.
function(sqlrace_llvm_flags target)
  if(NOT LLVM_ENABLE_RTTI)
    target_compile_options(${target} PRIVATE -fno-rtti)
  endif()
  if(NOT LLVM_ENABLE_EH)
    target_compile_options(${target} PRIVATE -fno-exceptions)
  endif()
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter
    $<$<CXX_COMPILER_ID:GNU>:-Wno-nonnull -Wno-maybe-uninitialized>)
endfunction()

function(sqlrace_use_clang target)
  sqlrace_use_llvm(${target})
  target_include_directories(${target} SYSTEM PUBLIC ${CLANG_INCLUDE_DIRS})
  target_link_libraries(${target} PUBLIC clang-cpp)
endfunction()

# A gtest binary registered with ctest.
function(sqlrace_unittest name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE GTest::gtest GTest::gtest_main)
  target_include_directories(${name} PRIVATE
    ${PROJECT_SOURCE_DIR}/checker/testing/include)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/unittests)
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST)
endfunction()
