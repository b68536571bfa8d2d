// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// clusterdesk: the desktop app. The only place that sees every layer.

#include "app/about/Versions.h"
#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"
#include "app/instance/SingleInstance.h"
#include "app/locale/Translations.h"
#include "app/profiles/ProfileStore.h"
#include "app/secrets/Keyring.h"
#include "sshcore/Libssh2Library.h"
#include "ui/about/GuiVersions.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/screenshots/Screenshot.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMessageBox>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

using namespace Qt::StringLiterals;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(clusterdesk)
};

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

// The command line. Its texts go through Tr::tr, so they are in the user's language once
// translations are installed, which needs an application object.
struct CommandLine
{
    enum class Outcome { Window, Help, Version, Mistake };

    CommandLine()
    {
        parser.setApplicationDescription(
            Tr::tr("The desktop client for HPC clusters: files, jobs, monitoring and Jupyter."));
        parser.addOptions({help, version, demoFile, screenshot, tryDemo});
        parser.addPositionalArgument(
            QStringLiteral("files"),
            Tr::tr("Job scripts to open in the Jobs area's editor (in the clusterdesk already running, if any)."),
            QStringLiteral("[FILE...]"));
        // Qt's own options (-platform, -style, ...) are for QApplication.
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    }

    Outcome parse(const QStringList &arguments)
    {
        if (!parser.parse(arguments)) {
            // QApplication's own options (-platform, -session, ...) are not mistakes; a missing value
            // or any other unknown option is.
            static const QStringList qtOptions = {u"platform"_s,        u"platformpluginpath"_s,
                                                  u"platformtheme"_s,   u"plugin"_s,
                                                  u"qwindowgeometry"_s, u"qwindowicon"_s,
                                                  u"qwindowtitle"_s,    u"reverse"_s,
                                                  u"session"_s,         u"display"_s,
                                                  u"geometry"_s,        u"name"_s,
                                                  u"style"_s,           u"stylesheet"_s,
                                                  u"widgetcount"_s,     u"nograb"_s,
                                                  u"dograb"_s,          u"sync"_s,
                                                  u"qmljsdebugger"_s};
            const QStringList unknown = parser.unknownOptionNames();
            if (unknown.isEmpty()
                || std::ranges::any_of(unknown, [](const QString &name) { return !qtOptions.contains(name); }))
                return Outcome::Mistake;
        }
        if (parser.isSet(help))
            return Outcome::Help;
        if (parser.isSet(version))
            return Outcome::Version;
        return Outcome::Window;
    }

    // Prints what the command line asked for instead of a window; returns the exit status.
    int answer(Outcome outcome) const
    {
        switch (outcome) {
        case Outcome::Help: print(stdout, parser.helpText()); return 0;
        case Outcome::Version:
            print(stdout, app::versionText(QStringLiteral("clusterdesk"), ui::guiComponentVersions()));
            return 0;
        case Outcome::Mistake:
        case Outcome::Window: break;
        }
        print(stderr, QStringLiteral("clusterdesk: %1\n\n%2").arg(parser.errorText(), parser.helpText()));
        return 2;
    }

    QCommandLineParser parser;
    const QCommandLineOption help{QStringList{QStringLiteral("h"), QStringLiteral("help")}, Tr::tr("Show this help.")};
    const QCommandLineOption version{QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     Tr::tr("Show the versions of clusterdesk and its libraries.")};
    const QCommandLineOption demoFile{QStringLiteral("demo-file"),
                                      Tr::tr("The demo cluster's connection file (default: %1).")
                                          .arg(app::DemoCluster::defaultFilePath()),
                                      QStringLiteral("file")};
    const QCommandLineOption
        screenshot{QStringLiteral("screenshot"),
                   Tr::tr("Save a screenshot of the main window to <file> once it has settled, and quit."),
                   QStringLiteral("file")};
    const QCommandLineOption
        tryDemo{QStringLiteral("try-demo"),
                Tr::tr("Connect to the running demo cluster at once (adding it to your clusters if needed).")};
};

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Help, the version and mistakes need no display: they are answered with a QCoreApplication (for
    // the translations), before any QApplication exists.
    CommandLine commandLine;
    if (const auto outcome = commandLine.parse(arguments); outcome != CommandLine::Outcome::Window) {
        QCoreApplication core(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("clusterdesk"));
        app::installTranslations();
        CommandLine translated;
        (void)translated.parse(arguments);
        return translated.answer(outcome);
    }

    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("clusterdesk"));
    app::installTranslations();
    // Parsed again without the options QApplication took (with their values: "-platform offscreen"
    // is not a file to open).
    CommandLine options;
    if (const auto outcome = options.parse(QCoreApplication::arguments()); outcome != CommandLine::Outcome::Window)
        return options.answer(outcome);
    const QCommandLineParser &parser = options.parser;
    QApplication::setApplicationDisplayName(QStringLiteral("clusterdesk"));
    QApplication::setOrganizationName(QStringLiteral("clusterdesk"));
    QApplication::setApplicationVersion(QStringLiteral(CLUSTERDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.clusterdesk.ClusterDesk"));
    QApplication::setWindowIcon(ui::appIcon());

    if (const auto initialized = sshcore::Libssh2Library::initialize(); !initialized) {
        QMessageBox::critical(nullptr, QStringLiteral("clusterdesk"), initialized.error().message);
        return 1;
    }

    // A damaged or newer cluster list is shown in the window and left untouched (read-only).
    app::ProfileStore store;
    (void)store.load();
    app::Keyring keyring;
    const QString demoFile = parser.isSet(options.demoFile) ? parser.value(options.demoFile)
                                                            : app::DemoCluster::defaultFilePath();
    const QStringList files = parser.positionalArguments();
    std::unique_ptr<ui::MainWindow> window;
    const auto showWindow = [&] {
        window = std::make_unique<ui::MainWindow>(&store, &keyring, ui::MainWindow::Options{demoFile, {}});
        window->show();
        window->refresh();
        if (parser.isSet(options.tryDemo))
            window->tryDemoCluster();
        if (!files.isEmpty())
            window->openJobScripts(files);
    };

    if (!parser.isSet(options.screenshot)) {
        // One window per user: a clusterdesk already running gets the files (or just comes to the
        // front) and this one quits; otherwise this one shows the window and listens for the next.
        app::SingleInstance instance;
        QObject::connect(&instance, &app::SingleInstance::handedOver, &application, [] { QApplication::quit(); });
        QObject::connect(&instance, &app::SingleInstance::primary, &application, [&](const QString &problem) {
            if (!problem.isEmpty())
                print(stderr, QStringLiteral("clusterdesk: %1\n").arg(problem));
            showWindow();
        });
        QObject::connect(&instance, &app::SingleInstance::requested, &application, [&](const QStringList &paths) {
            if (window)
                window->openJobScripts(paths);
        });
        instance.start(files);
        return application.exec();
    }

    showWindow();
    const QString path = parser.value(options.screenshot);
    int status = 1;
    const auto take = [&] {
        if (const auto saved = ui::saveScreenshot(window.get(), path); saved) {
            print(stdout, path + u'\n');
            status = 0;
        } else {
            print(stderr, QStringLiteral("clusterdesk: %1\n").arg(saved.error().message));
        }
        QApplication::exit(status);
    };
    // Once every connection being made has settled (connected with its scheduler and latency
    // known, or failed), or after a bound, give the window a moment to paint.
    const auto settled = [&store, &window] {
        for (const app::Profile &profile : store.profiles()) {
            const app::ClusterConnection *connection = window->clusters()->existingConnection(profile.id);
            if (!connection || !connection->isOpen())
                continue;
            if (connection->state() != sshcore::SshConnectionState::Connected || !connection->scheduler()
                || !connection->latency())
                return false;
        }
        return true;
    };
    QTimer poll;
    poll.setInterval(250);
    int waited = 0;
    QObject::connect(&poll, &QTimer::timeout, window.get(), [&] {
        waited += poll.interval();
        if (waited >= 1000 && (settled() || waited >= 20000)) {
            poll.stop();
            QTimer::singleShot(500, window.get(), take);
        }
    });
    poll.start();
    application.exec();
    return status;
}
