// Display text of a raw /proc/<pid>/cmdline.
#pragma once

#include <QString>
#include <span>

namespace omview::sampler {

// The arguments joined by single spaces (the NULs between them become
// spaces, trailing NULs go). When truncated is set the bytes are a prefix of
// a longer command line: a character cut in two is dropped and "…" marks the
// cut. Rewrites raw in place.
QString cmdlineText(std::span<char> raw, bool truncated);

} // namespace omview::sampler
