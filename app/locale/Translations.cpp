// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/locale/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace app {

QString translationsFolder()
{
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(QStringLiteral("../share/clusterdesk/translations"));
}

QStringList installTranslations(const QLocale &locale, const QString &folder)
{
    QStringList loaded;
    const auto install = [&](const QString &name, const QString &where) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (translator->load(locale, name, QStringLiteral("_"), where)
            && QCoreApplication::installTranslator(translator))
            loaded.append(translator->filePath());
        else
            delete translator;
    };
    // English plurals ("1 file", "2 files") first, so that any translation installed after it wins.
    auto *english = new QTranslator(QCoreApplication::instance());
    if (english->load(QStringLiteral(":/clusterdesk/translations/clusterdesk_en.qm"))
        && QCoreApplication::installTranslator(english))
        loaded.append(english->filePath());
    else
        delete english;
    install(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(QStringLiteral("clusterdesk"), folder);
    return loaded;
}

} // namespace app
