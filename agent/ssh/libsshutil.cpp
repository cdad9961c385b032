#include "libsshutil.h"

#include "logging.h"

#include <QFile>
#include <QFileInfo>
#include <libssh/callbacks.h>

using namespace Qt::StringLiterals;

namespace omview {

QString fromC(const char *text) {
    return text ? QString::fromUtf8(text) : QString();
}

QString optionText(ssh_session session, ssh_options_e option) {
    char *value = nullptr;
    if (ssh_options_get(session, option, &value) != SSH_OK)
        return {};
    QString text = fromC(value);
    ssh_string_free_char(value);
    return text;
}

unsigned optionPort(ssh_session session) {
    unsigned port = 22;
    if (ssh_options_get_port(session, &port) != SSH_OK)
        return 22;
    return port;
}

QString withoutFunction(const char *message) {
    QString text = fromC(message);
    const qsizetype colon = text.indexOf(u": ");
    if (colon > 0 && !text.left(colon).contains(u' '))
        text.remove(0, colon + 2);
    return text.trimmed();
}

namespace {

void forwardLog(int priority, const char *, const char *message, void *userdata) {
    if (userdata && priority <= SSH_LOG_WARN)
        static_cast<LibsshWarningSink *>(userdata)->warning(withoutFunction(message));
    qCDebug(lcLibssh).noquote() << message;
}

} // namespace

void routeLibsshLog(LibsshWarningSink *sink) {
    ssh_set_log_callback(forwardLog);
    ssh_set_log_userdata(sink);
}

int libsshVerbosity() {
    return lcLibssh().isDebugEnabled() ? SSH_LOG_DEBUG : SSH_LOG_WARN;
}

std::optional<QString> applyConfig(ssh_session session, const SshTarget &t) {
    if (!t.readConfig) {
        bool process = false;
        ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &process);
        return std::nullopt;
    }
    if (!t.configFile.isEmpty() && !QFileInfo(t.configFile).isReadable())
        return u"cannot read the ssh configuration \"%1\""_s.arg(t.configFile);
    const QByteArray file = QFile::encodeName(t.configFile);
    if (ssh_options_parse_config(session, file.isEmpty() ? nullptr : file.constData()) < 0)
        return u"cannot use the ssh configuration%1: %2"_s.arg(
            t.configFile.isEmpty() ? QString() : u" \""_s + t.configFile + u'"',
            fromC(ssh_get_error(session)));
    return std::nullopt;
}

std::optional<QString> applyCommonOptions(ssh_session session, const SshTarget &t) {
    const auto set = [&](ssh_options_e option, const QString &value) -> bool {
        return value.isEmpty() ||
               ssh_options_set(session, option, QFile::encodeName(value).constData()) == SSH_OK;
    };
    if (!set(SSH_OPTIONS_KNOWNHOSTS, t.knownHostsFile))
        return u"cannot use known_hosts file \"%1\""_s.arg(t.knownHostsFile);
    if (!t.identityFile.isEmpty()) {
        if (!QFileInfo(t.identityFile).isFile())
            return u"identity file \"%1\" does not exist"_s.arg(t.identityFile);
        if (!set(SSH_OPTIONS_ADD_IDENTITY, t.identityFile))
            return u"cannot use identity file \"%1\""_s.arg(t.identityFile);
    }
    // libssh has no switch for the agent: /dev/null, where no agent can
    // listen, turns it off.
    const QString agent = t.useSshAgent ? t.sshAgentSocket : u"/dev/null"_s;
    if (!set(SSH_OPTIONS_IDENTITY_AGENT, agent))
        return u"cannot use ssh-agent socket \"%1\""_s.arg(agent);
    // libssh's own waits (jump hosts connect in blocking mode) end in time too.
    long seconds = long((t.connectTimeout.count() + 999) / 1000);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &seconds);
    return std::nullopt;
}

std::optional<ServerKey> serverKey(ssh_session session) {
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK || !key)
        return std::nullopt;
    ServerKey result{fromC(ssh_key_type_to_char(ssh_key_type(key))), {}};
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == SSH_OK) {
        const QByteArray digest(reinterpret_cast<const char *>(hash), qsizetype(length));
        ssh_clean_pubkey_hash(&hash);
        result.fingerprint =
            u"SHA256:"_s + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
    } else {
        result.fingerprint = u"(unknown fingerprint)"_s;
    }
    ssh_key_free(key);
    return result;
}

QString knownHostsName(const QString &host, unsigned port) {
    return port == 22 ? host : u"[%1]:%2"_s.arg(host).arg(port);
}

} // namespace omview
