// The cluster's shared secret, read from a root-only file; every peer message
// is authenticated with keys derived from it for one purpose each.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <expected>

namespace omview::peers {

// The secret itself: loaded once, never logged (fingerprint() is for logs).
class ClusterKey {
public:
    static constexpr qsizetype MinimumLength = 32;
    static constexpr qsizetype MaximumLength = 4096;

    // Reads the key file. Refuses (with a message naming the file and the fix)
    // a file that is not a regular file, is readable or writable by group or
    // others, is not owned by the agent's user, or holds fewer than
    // MinimumLength bytes after trailing whitespace is stripped.
    static std::expected<ClusterKey, QString> fromFile(const QString &path);
    // The same length rule, for keys that do not come from a file.
    static std::expected<ClusterKey, QString> fromSecret(QByteArray secret);

    // HMAC-SHA256(secret, "omview/1/" + purpose): independent keys for the load
    // gossip, discovery and the channel, so no message verifies as another kind.
    QByteArray derive(QByteArrayView purpose) const;
    // 16 hex digits identifying the key in logs without revealing it.
    QString fingerprint() const;

private:
    explicit ClusterKey(QByteArray secret)
        : m_secret(std::move(secret)) {}
    QByteArray m_secret;
};

} // namespace omview::peers
