#include "events/event_models.h"

#include <cstdint>
#include <cstring>

namespace rasd::internal {
namespace {

constexpr char kMagic[8] = {'R', 'A', 'S', 'D', 'E', 'V', 'M', '\0'};
constexpr uint32_t kVersion = 1;

}  // namespace

std::string EventModels::Serialize() const {
  std::string out(kMagic, sizeof kMagic);
  out.append(reinterpret_cast<const char*>(&kVersion), sizeof kVersion);
  for (const LinearModel* m : {&decision, &actor, &recipient}) {
    const std::string bytes = m->Serialize();
    const uint64_t n = bytes.size();
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out += bytes;
  }
  return out;
}

StatusOr<EventModels> EventModels::Load(std::string_view bytes) {
  if (bytes.size() < sizeof kMagic + 4 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return InvalidArgumentError("not a rasd event model file (bad magic)");
  }
  uint32_t version = 0;
  std::memcpy(&version, bytes.data() + sizeof kMagic, 4);
  if (version != kVersion) return InvalidArgumentError("event model: unknown version");
  bytes.remove_prefix(sizeof kMagic + 4);
  EventModels out;
  for (LinearModel* m : {&out.decision, &out.actor, &out.recipient}) {
    uint64_t n = 0;
    if (bytes.size() < sizeof n) return InvalidArgumentError("event model: truncated");
    std::memcpy(&n, bytes.data(), sizeof n);
    bytes.remove_prefix(sizeof n);
    if (n > bytes.size()) return InvalidArgumentError("event model: truncated");
    auto loaded = LinearModel::Load(bytes.substr(0, n));
    if (!loaded.ok()) return loaded.status();
    *m = std::move(loaded).value();
    bytes.remove_prefix(n);
  }
  if (!bytes.empty()) return InvalidArgumentError("event model: trailing bytes");
  return out;
}

}  // namespace rasd::internal
