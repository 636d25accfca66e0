# The libraries loom is built on, all from Debian packages (see README).
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(xtl REQUIRED)
find_package(xtensor REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
