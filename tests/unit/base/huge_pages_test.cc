#include "base/huge_pages.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace rasd::internal {
namespace {

// Large arrays are aligned for huge pages; small ones are ordinary; both
// hold what is written to them through growth and copies.
TEST(HugePagesTest, LargeVectorsAreAlignedAndBehaveLikeVectors) {
  HugePageVector<uint64_t> large(3 << 18);  // 6 MB
  EXPECT_EQ(reinterpret_cast<uintptr_t>(large.data()) % HugePageAllocator<uint64_t>::kHugePage, 0u);
  for (size_t i = 0; i < large.size(); ++i) large[i] = i * 7;
  large.resize(large.size() * 2, 5);
  EXPECT_EQ(large[12345], 12345u * 7);
  EXPECT_EQ(large.back(), 5u);
  HugePageVector<uint64_t> copy = large;
  EXPECT_EQ(copy, large);
  HugePageVector<int> small(10, 3);
  small.push_back(4);
  EXPECT_EQ(small.size(), 11u);
  EXPECT_EQ(small.back(), 4);
}

}  // namespace
}  // namespace rasd::internal
