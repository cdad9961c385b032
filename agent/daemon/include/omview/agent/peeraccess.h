// Who may use the agent's socket: root, the agent's own user, and members of the admin group.
#pragma once

#include <QString>
#include <expected>
#include <optional>
#include <sys/types.h>

namespace omview::agent {

// The process at the other end of a local socket, as the kernel recorded it at connect(2).
struct PeerIdentity {
    pid_t pid = 0;
    uid_t uid = 0;
    gid_t gid = 0;
};

// SO_PEERCRED of the connected Unix socket @fd, or the errno of getsockopt.
std::expected<PeerIdentity, int> peerIdentity(int fd);

// Decides whether a peer may use the API. Membership is looked up in the user and group
// databases on each decision, so adding someone to the group needs no restart.
class PeerAccess {
public:
    explicit PeerAccess(QString adminGroup);

    const QString &adminGroup() const { return m_group; }
    // The group's ID, or nullopt when the system has no such group (then only root and
    // the agent's own user get in).
    std::optional<gid_t> adminGid() const;

    // nullopt when @peer may proceed, else why not (for the log).
    std::optional<QString> refusal(const PeerIdentity &peer) const;

private:
    bool isMember(uid_t uid, gid_t group) const;

    QString m_group;
};

} // namespace omview::agent
