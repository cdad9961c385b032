#include "omview/agent/peeraccess.h"

#include <algorithm>
#include <cerrno>
#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace omview::agent {

std::expected<PeerIdentity, int> peerIdentity(int fd) {
    ucred cred{};
    socklen_t len = sizeof cred;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
        return std::unexpected(errno);
    return PeerIdentity{cred.pid, cred.uid, cred.gid};
}

PeerAccess::PeerAccess(QString adminGroup)
    : m_group(std::move(adminGroup)) {}

std::optional<gid_t> PeerAccess::adminGid() const {
    if (m_group.isEmpty())
        return std::nullopt;
    const QByteArray name = m_group.toLocal8Bit();
    group gr{};
    group *found = nullptr;
    std::vector<char> buf(16384);
    if (::getgrnam_r(name.constData(), &gr, buf.data(), buf.size(), &found) != 0 || !found)
        return std::nullopt;
    return found->gr_gid;
}

bool PeerAccess::isMember(uid_t uid, gid_t groupId) const {
    passwd pw{};
    passwd *found = nullptr;
    std::vector<char> buf(16384);
    if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) != 0 || !found)
        return false;
    if (found->pw_gid == groupId)
        return true;
    int count = 64;
    std::vector<gid_t> groups(static_cast<std::size_t>(count));
    while (::getgrouplist(found->pw_name, found->pw_gid, groups.data(), &count) < 0) {
        if (count <= static_cast<int>(groups.size())) // no growth: the lookup itself failed
            return false;
        groups.resize(static_cast<std::size_t>(count));
    }
    groups.resize(static_cast<std::size_t>(count));
    return std::ranges::find(groups, groupId) != groups.end();
}

std::optional<QString> PeerAccess::refusal(const PeerIdentity &peer) const {
    if (peer.uid == 0 || peer.uid == ::geteuid())
        return std::nullopt;
    // Membership is the user's, from the databases: a process that merely switched its
    // group ID (setgid) does not become an administrator by it.
    const auto gid = adminGid();
    if (!gid)
        return u"uid %1 is not root and admin group \"%2\" does not exist"_s.arg(peer.uid).arg(
            m_group);
    if (isMember(peer.uid, *gid))
        return std::nullopt;
    return u"uid %1 is not root nor a member of group \"%2\""_s.arg(peer.uid).arg(m_group);
}

} // namespace omview::agent
