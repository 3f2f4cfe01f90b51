// Tiny persistent thread pool used to split GEMMs across cores.
//
// parallel_for(n, fn) runs fn(0..n-1) with task 0 on the calling thread and
// tasks 1..n-1 on pool workers, then waits (spin, then yield) for all of them.
// Workers spin briefly on an atomic generation counter after each job so
// back-to-back per-timestep dispatches are cheap, then fall back to a
// condition variable so an idle pool burns no CPU.
// If the pool is already in use (e.g. two Node worker_threads call the addon
// at the same time) the call silently runs all tasks on the caller.
#pragma once
#include <functional>

namespace rnn {

void parallel_for(int n, const std::function<void(int)>& fn);

}  // namespace rnn
