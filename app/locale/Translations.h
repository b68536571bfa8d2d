// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Loads the translations for the user's language at start: clusterdesk's own (installed under
// <prefix>/share/clusterdesk/translations, beside the program's <prefix>/bin) and Qt's (qtbase,
// from where Qt keeps them), over the English plurals built into the program ("1 file", "2 files"
// for the sources' "%n file(s)"). Missing files are fine: the text stays in English.

#include <QLocale>
#include <QString>
#include <QStringList>

namespace app {

// <prefix>/share/clusterdesk/translations for a program in <prefix>/bin.
QString translationsFolder();

// Installs the translations for locale into the running QCoreApplication (which owns them) and
// returns the files it loaded.
QStringList installTranslations(const QLocale &locale = QLocale(), const QString &folder = translationsFolder());

} // namespace app
