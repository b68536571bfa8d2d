// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// clusterdesk-cli's ways of printing a message (a cli/ folder, as app/cli): check-translations.py must
// reject each untranslated one, and only those (translations.check.planted). Never compiled.

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::cli)
};

} // namespace

int planted(QCommandLineParser &parser, const QString &name, QString *error)
{
    parser.setApplicationDescription(QStringLiteral("clusterdesk on the command line."));             // literal
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("queue: every user's jobs.")); // literal
    printError(QStringLiteral("cannot read %1").arg(name));                                           // literal
    note(QStringLiteral("Job %1 ended.").arg(name));                                                  // literal
    *error = QStringLiteral("the kind is module, conda, venv or container");                          // literal
    err() << "clusterdesk-cli: unknown command '" << name << "'\n";                                   // literal
    out() << name << QStringLiteral(" is ready at ")                                                  // literal
          << name << '\n';
    std::printf("Forwarding to %s port %d\n", qPrintable(name), 22); // literal

    // Not flagged: translated, a synopsis, conversions and punctuation, machine-readable output.
    printError(Tr::tr("cannot read %1").arg(name));
    std::printf("%s\n", qPrintable(Tr::tr("Forwarding to %1 port %2").arg(name, QString::number(22))));
    printUsage(QStringLiteral("clusterdesk-cli queue TARGET [--all]"));
    std::printf("%s %12llu %s ", qPrintable(name), 12ULL, qPrintable(name));
    out() << name << " (" << name << ")\n";
    std::fputs("time,cores_busy,rss_bytes\n", stdout);
    return 0;
}

} // namespace cli
