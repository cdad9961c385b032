// User names by uid, looked up once per uid.
#pragma once

#include <QString>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace omview::sampler {

// A cache in front of getpwuid_r: each uid is looked up the first time it is
// asked for and never again, so the names of a sample share one string per
// user. A uid without a passwd entry is named by its number.
class UserNames {
public:
    QString nameOf(std::uint32_t uid);

private:
    QString lookUp(std::uint32_t uid);

    std::unordered_map<std::uint32_t, QString> names_;
    std::vector<char> scratch_; // getpwuid_r's string space
};

} // namespace omview::sampler
