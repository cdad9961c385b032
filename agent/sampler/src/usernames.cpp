#include "usernames.h"

#include "samplerlog.h"

#include <cerrno>
#include <pwd.h>

namespace omview::sampler {

QString UserNames::nameOf(std::uint32_t uid) {
    const auto found = names_.find(uid);
    if (found != names_.end())
        return found->second;
    return names_.emplace(uid, lookUp(uid)).first->second;
}

QString UserNames::lookUp(std::uint32_t uid) {
    if (scratch_.empty())
        scratch_.resize(1024);
    passwd entry;
    passwd *result = nullptr;
    int error = 0;
    while ((error = ::getpwuid_r(uid, &entry, scratch_.data(), scratch_.size(), &result)) ==
               ERANGE &&
           scratch_.size() < 1024 * 1024)
        scratch_.resize(scratch_.size() * 2);
    if (result)
        return QString::fromLocal8Bit(entry.pw_name);
    if (error != 0)
        qCWarning(lcSampler) << "cannot look up uid" << uid << ":" << qt_error_string(error);
    return QString::number(uid);
}

} // namespace omview::sampler
