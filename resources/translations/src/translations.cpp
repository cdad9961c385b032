#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>
#include <memory>
#include <omview/resources/translations.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTranslations, "omview.translations", QtInfoMsg)

// Outside any namespace, as Q_INIT_RESOURCE requires. Referencing the resource's initialiser
// keeps the linker from dropping its object file from the static library.
static void initOmviewTranslations() {
    Q_INIT_RESOURCE(omview_translations);
}

namespace omview {

namespace {

// Loads catalogue name for locale from dir and installs it on app, which then owns it; the
// file loaded, or empty.
QString install(QCoreApplication &app, const QLocale &locale, const QString &name,
                const QString &dir) {
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, u"_"_s, dir))
        return {};
    if (!QCoreApplication::installTranslator(translator.get())) {
        qCWarning(lcTranslations) << "cannot install" << translator->filePath();
        return {};
    }
    translator->setParent(&app);
    return translator.release()->filePath();
}

} // namespace

QString translationsDirectory() {
    return u":/i18n"_s;
}

QStringList installTranslations(QCoreApplication &app, const QLocale &locale) {
    static const bool registered = [] {
        initOmviewTranslations();
        return true;
    }();
    Q_UNUSED(registered);

    QStringList loaded;
    for (const auto &[name, dir] :
         {std::pair{u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
          std::pair{u"omview"_s, translationsDirectory()}}) {
        if (const QString file = install(app, locale, name, dir); !file.isEmpty())
            loaded.append(file);
        else
            qCDebug(lcTranslations)
                << "no" << name << "catalogue for" << locale.uiLanguages() << "in" << dir;
    }
    qCDebug(lcTranslations) << "languages" << locale.uiLanguages() << "catalogues" << loaded;
    return loaded;
}

} // namespace omview
