// Where checkpoint images live during a move: one directory per migration under a root only
// root can enter (0700), removed when the move ends either way. Image files are named by
// criu; a name from a peer is accepted only as one plain file name, never a path.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <expected>
#include <omview/migration/migrationerror.h>

namespace omview::migration {

class ImageStore {
public:
    explicit ImageStore(QString root);

    const QString &root() const { return m_root; }
    // A migration ID as peers send it: 1-64 characters of [0-9a-z-].
    static bool validId(const QString &id);
    static bool validFileName(const QString &name);

    // Makes the store's root (0700) and an empty directory for @id.
    std::expected<QString, MigrationError> create(const QString &id);
    QString dirOf(const QString &id) const { return m_root + u'/' + id; }
    bool exists(const QString &id) const;

    // Writes @data at @offset of image @name; a full disk is NoSpace.
    std::expected<void, MigrationError> write(const QString &id, const QString &name,
                                              qint64 offset, const QByteArray &data);
    // The image files of @id (logs and the move's own state files left out), by name.
    QStringList images(const QString &id) const;
    // The IDs that have a directory: moves a crash interrupted.
    QStringList ids() const;
    // A small state file inside @id's directory, written atomically.
    bool setState(const QString &id, const QByteArray &state) const;
    QByteArray state(const QString &id) const;

    void remove(const QString &id) const;

private:
    QString m_root;
};

} // namespace omview::migration
