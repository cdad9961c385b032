#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <omview/peers/clusterkey.h>
#include <sys/stat.h>
#include <unistd.h>

namespace omview::peers {

namespace {

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

// Reads at most @limit + 1 bytes so an oversized file is noticed without reading it all.
std::expected<QByteArray, QString> readAll(int fd, qsizetype limit) {
    QByteArray data;
    char buf[1024];
    while (data.size() <= limit) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::unexpected(errnoText(errno));
        if (n == 0)
            break;
        data.append(buf, n);
    }
    return data;
}

} // namespace

std::expected<ClusterKey, QString> ClusterKey::fromFile(const QString &path) {
    const QByteArray native = QFile::encodeName(path);
    // O_NOFOLLOW: the checks below must be about the file that is read.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
    if (fd < 0)
        return std::unexpected(
            QStringLiteral("cluster key %1: cannot open: %2").arg(path, errnoText(errno)));
    struct stat st{};
    if (::fstat(fd, &st) != 0) {
        const int error = errno;
        ::close(fd);
        return std::unexpected(
            QStringLiteral("cluster key %1: cannot stat: %2").arg(path, errnoText(error)));
    }
    auto refuse = [&](const QString &why) {
        ::close(fd);
        return std::unexpected(QStringLiteral("cluster key %1: %2").arg(path, why));
    };
    if (!S_ISREG(st.st_mode))
        return refuse(QStringLiteral("not a regular file"));
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return refuse(
            QStringLiteral("mode %1 lets group or others access it; refusing to use "
                           "a key others can read (fix: chmod 600 %2)")
                .arg(QString::number(st.st_mode & 07777, 8).rightJustified(4, u'0'), path));
    if (st.st_uid != ::geteuid())
        return refuse(
            QStringLiteral("owned by uid %1, not by the agent's uid %2 (fix: chown %2 %3)")
                .arg(st.st_uid)
                .arg(::geteuid())
                .arg(path));
    auto data = readAll(fd, MaximumLength);
    ::close(fd);
    if (!data)
        return std::unexpected(
            QStringLiteral("cluster key %1: cannot read: %2").arg(path, data.error()));
    auto key = fromSecret(std::move(*data));
    if (!key)
        return std::unexpected(QStringLiteral("cluster key %1: %2").arg(path, key.error()));
    return key;
}

std::expected<ClusterKey, QString> ClusterKey::fromSecret(QByteArray secret) {
    // Trailing whitespace goes: `echo` and editors add a newline nobody means as key.
    while (!secret.isEmpty() && QChar::isSpace(static_cast<uchar>(secret.back())))
        secret.chop(1);
    if (secret.size() > MaximumLength)
        return std::unexpected(
            QStringLiteral("longer than %1 bytes; not a key file").arg(MaximumLength));
    if (secret.size() < MinimumLength)
        return std::unexpected(
            QStringLiteral("%1 bytes is too short: a cluster key needs at least %2 (make one "
                           "with: head -c 48 /dev/urandom | base64)")
                .arg(secret.size())
                .arg(MinimumLength));
    return ClusterKey(std::move(secret));
}

QByteArray ClusterKey::derive(QByteArrayView purpose) const {
    QByteArray label("omview/1/");
    label.append(purpose);
    return QMessageAuthenticationCode::hash(label, m_secret, QCryptographicHash::Sha256);
}

QString ClusterKey::fingerprint() const {
    return QString::fromLatin1(derive("fingerprint").left(8).toHex());
}

} // namespace omview::peers
