#include <omview/migration/imagestore.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace omview::migration {

namespace {
constexpr auto StateFile = "move.state"_L1;
bool isOwnFile(const QString &name) {
    // criu's log and its output (.log.out) are ours, not images to send.
    return name == StateFile || name.endsWith(u".log"_s) || name.endsWith(u".log.out"_s) ||
           name == u"restored.pid"_s || name.startsWith(u"move."_s);
}
} // namespace

ImageStore::ImageStore(QString root)
    : m_root(std::move(root)) {}

bool ImageStore::validId(const QString &id) {
    static const QRegularExpression re(u"^[0-9a-z-]{1,64}$"_s);
    return re.match(id).hasMatch();
}

bool ImageStore::validFileName(const QString &name) {
    static const QRegularExpression re(u"^[A-Za-z0-9_.-]{1,128}$"_s);
    return re.match(name).hasMatch() && name != u"."_s && name != u".."_s && !isOwnFile(name);
}

std::expected<QString, MigrationError> ImageStore::create(const QString &id) {
    if (!validId(id))
        return std::unexpected(MigrationError{Reason::Internal, u"bad migration ID"_s});
    const QByteArray root = QFile::encodeName(m_root);
    if (!QDir().mkpath(m_root) || ::chmod(root.constData(), 0700) != 0)
        return std::unexpected(MigrationError{
            Reason::NoSpace, u"cannot make the image directory %1: %2"_s.arg(m_root,
                                                                            qt_error_string())});
    const QString dir = dirOf(id);
    QDir(dir).removeRecursively();
    if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0)
        return std::unexpected(
            MigrationError{errno == ENOSPC ? Reason::NoSpace : Reason::Internal,
                           u"cannot make %1: %2"_s.arg(dir, qt_error_string())});
    return dir;
}

bool ImageStore::exists(const QString &id) const {
    return validId(id) && QFileInfo(dirOf(id)).isDir();
}

std::expected<void, MigrationError> ImageStore::write(const QString &id, const QString &name,
                                                      qint64 offset, const QByteArray &data) {
    if (!exists(id))
        return std::unexpected(MigrationError{Reason::TransferFailed, u"no such move"_s});
    if (!validFileName(name) || offset < 0)
        return std::unexpected(
            MigrationError{Reason::TransferFailed, u"bad image name or offset"_s});
    const QByteArray path = QFile::encodeName(dirOf(id) + u'/' + name);
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return std::unexpected(MigrationError{errno == ENOSPC ? Reason::NoSpace
                                                              : Reason::TransferFailed,
                                              u"cannot write image %1: %2"_s.arg(name,
                                                                                 qt_error_string())});
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pwrite(fd, data.constData() + done, size_t(data.size() - done),
                                   offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : ENOSPC;
            ::close(fd);
            return std::unexpected(MigrationError{
                err == ENOSPC || err == EDQUOT ? Reason::NoSpace : Reason::TransferFailed,
                u"cannot write image %1: %2"_s.arg(name, QString::fromLocal8Bit(
                                                             std::strerror(err)))});
        }
        done += n;
    }
    ::close(fd);
    return {};
}

QStringList ImageStore::images(const QString &id) const {
    QStringList out;
    for (const QString &name : QDir(dirOf(id)).entryList(QDir::Files, QDir::Name))
        if (!isOwnFile(name))
            out.append(name);
    return out;
}

QStringList ImageStore::ids() const {
    QStringList out;
    for (const QString &name : QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (validId(name))
            out.append(name);
    return out;
}

bool ImageStore::setState(const QString &id, const QByteArray &state) const {
    QSaveFile f(dirOf(id) + u'/' + StateFile);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(state);
    return f.commit();
}

QByteArray ImageStore::state(const QString &id) const {
    QFile f(dirOf(id) + u'/' + StateFile);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

void ImageStore::remove(const QString &id) const {
    if (validId(id))
        QDir(dirOf(id)).removeRecursively();
}

} // namespace omview::migration
