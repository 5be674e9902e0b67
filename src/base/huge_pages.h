// An allocator that backs large arrays with transparent huge pages.
//
// The NER weight table, its word cache and the word tables are tens of
// megabytes read at random, a few times per token: with 4 KB pages nearly
// every read also misses the TLB, and in a virtual machine each of those
// misses walks two page tables. Arrays of 2 MB or more are aligned to 2 MB and
// marked MADV_HUGEPAGE (a hint: where the kernel has no huge page to give,
// or the build is not for Linux, they are ordinary memory).
#ifndef RASD_BASE_HUGE_PAGES_H_
#define RASD_BASE_HUGE_PAGES_H_

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace rasd::internal {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes, std::align_val_t{alignof(T)}));
    const size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) noexcept {
    if (n * sizeof(T) < kHugePage) {
      ::operator delete(p, std::align_val_t{alignof(T)});
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

// A vector whose storage, once 2 MB or more, sits on huge pages.
template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace rasd::internal

#endif  // RASD_BASE_HUGE_PAGES_H_
