// The programs' translations: omview's catalogue (compiled in) and Qt's, for one language.
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace omview {

// Installs on app the translators for locale's preferred languages (QLocale::uiLanguages, the
// first that has a catalogue wins): omview's catalogue "omview" from :/i18n and Qt's own
// "qtbase" from the Qt installation when it has one. English has a catalogue of its own (the
// plural forms), so a user who prefers English to German gets English. The translators live as
// long as app. Returns the files loaded, for logs and tests.
QStringList installTranslations(QCoreApplication &app, const QLocale &locale = QLocale::system());

// The directory of the compiled-in catalogues (omview_<language>.qm).
QString translationsDirectory();

} // namespace omview
