#pragma once

// Limits the API reference sets, one definition for the client and kashew-server.
namespace ApiLimits {

// The largest page a list request may ask for; servers clamp larger ones. The client asks for
// whole pages of this size, so that a full pull takes as few requests as the API allows.
inline constexpr int maxPageSize = 500;

} // namespace ApiLimits
