// omview's command line, and the connection it starts with.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <chrono>
#include <expected>
#include <omview/console/connectionprofile.h>
#include <optional>

namespace omview {

class ProfileStore;

// What the command line asks for:
//   omview [--profile NAME] [--local SOCKET] [--ssh [USER@]HOST[:PORT]] [-i IDENTITY]
//          [--known-hosts FILE] [--ssh-config FILE|none] [--agent-socket PATH]
//          [--collector-socket PATH] [--screenshot FILE [--screenshot-interval SECONDS]]
//          [--settings FILE]
struct ConsoleOptions {
    Q_DECLARE_TR_FUNCTIONS(omview::ConsoleOptions)

public:
    std::optional<QString> profileName;       // --profile
    std::optional<ConnectionProfile> profile; // --local or --ssh (with its SSH options)
    QString collectorSocket;                  // empty: the collector's default
    QString screenshotFile;
    std::chrono::seconds screenshotInterval{0}; // 0: once
    QString settingsFile;                       // empty: the user's settings
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText;

    // Parses arguments (the program name first, as QCoreApplication::arguments() gives them).
    // The error names the option and what is wrong with it; nothing else is looked at then.
    static std::expected<ConsoleOptions, QString> parse(const QStringList &arguments);
};

// The connection to open at start: the one the command line names; else the profile used
// last; else the local agent socket if it exists at `localSocket`; else none (ask the user).
// An error when --profile names a profile the store does not have.
std::expected<std::optional<ConnectionProfile>, QString>
startupProfile(const ConsoleOptions &options, const ProfileStore &store,
               const QString &localSocket = ConnectionProfile::DefaultSocketPath);

} // namespace omview
