// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/profiles/ClusterFiles.h"

#include "app/profiles/ProfileStore.h"
#include "sshcore/config/SshConfig.h"
#include "ui/profiles/ImportDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QPointer>

namespace ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ui::ClusterFiles)
};

// A file dialog that reports the chosen file to chosen and then goes.
QFileDialog *fileDialog(QWidget *parent, const QString &title, const QString &filter, QFileDialog::AcceptMode mode)
{
    auto *dialog = new QFileDialog(parent, title, QDir::homePath(), filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(mode);
    dialog->setFileMode(mode == QFileDialog::AcceptOpen ? QFileDialog::ExistingFile : QFileDialog::AnyFile);
    return dialog;
}

} // namespace

void importClustersFromFile(QWidget *parent, app::ProfileStore *store,
                            std::function<void(const ClusterFilesOutcome &)> done)
{
    QFileDialog *dialog = fileDialog(parent, Tr::tr("Import clusters"),
                                     Tr::tr("clusterdesk clusters (*.json);;All files (*)"), QFileDialog::AcceptOpen);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [store = QPointer(store), done = std::move(done)](const QString &path) {
                         if (!store)
                             return;
                         const auto imported = store->importFrom(path);
                         if (!imported)
                             return done({{}, Tr::tr("Could not import clusters"), imported.error().message, {}});
                         done({*imported == 1 ? Tr::tr("Imported 1 cluster from %1").arg(path)
                                              : Tr::tr("Imported %1 clusters from %2").arg(*imported).arg(path),
                               {},
                               {},
                               {}});
                     });
    dialog->open();
}

void exportClustersToFile(QWidget *parent, app::ProfileStore *store,
                          std::function<void(const ClusterFilesOutcome &)> done)
{
    QFileDialog *dialog = fileDialog(parent, Tr::tr("Export clusters"), Tr::tr("clusterdesk clusters (*.json)"),
                                     QFileDialog::AcceptSave);
    dialog->selectFile(QDir::homePath() + QStringLiteral("/clusters.json"));
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [store = QPointer(store), done = std::move(done)](const QString &path) {
                         if (!store)
                             return;
                         QList<QUuid> ids;
                         for (const app::Profile &profile : store->profiles())
                             ids.append(profile.id);
                         if (const auto exported = store->exportTo(path, ids); !exported)
                             return done({{}, Tr::tr("Could not export clusters"), exported.error().message, {}});
                         done({ids.size() == 1
                                   ? Tr::tr("Exported 1 cluster to %1 (no passwords)").arg(path)
                                   : Tr::tr("Exported %1 clusters to %2 (no passwords)").arg(ids.size()).arg(path),
                               {},
                               {},
                               {}});
                     });
    dialog->open();
}

void importClustersFromSshConfig(QWidget *parent, app::ProfileStore *store, const QString &sshConfigPath,
                                 std::function<void(const ClusterFilesOutcome &)> done)
{
    const auto config = sshcore::SshConfig::load(sshConfigPath);
    if (!config)
        return done({{}, Tr::tr("Could not read %1").arg(sshConfigPath), config.error().message, {}});
    const QList<app::Profile> suggestions = app::ProfileStore::suggestionsFromSshConfig(*config);
    if (suggestions.isEmpty()) {
        return done({{},
                     Tr::tr("Nothing to import"),
                     Tr::tr("%1 names no concrete Host (only patterns, or none at all). Add the cluster by its "
                            "login host instead.")
                         .arg(sshConfigPath),
                     {}});
    }
    auto *dialog = new ImportDialog(suggestions, store->profiles(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QDialog::accepted, dialog, [store = QPointer(store), dialog, done = std::move(done)] {
        if (!store)
            return;
        ClusterFilesOutcome outcome;
        for (const app::Profile &profile : dialog->chosen()) {
            const auto added = store->add(profile);
            if (!added) {
                outcome.errorTitle = Tr::tr("Could not import %1").arg(profile.name);
                outcome.error = added.error().message;
                break;
            }
            if (outcome.added.isNull())
                outcome.added = added->id;
        }
        if (outcome.error.isEmpty())
            outcome.status = Tr::tr("Imported %n cluster(s) from the SSH configuration.", nullptr,
                                    int(dialog->chosen().size()));
        done(outcome);
    });
    dialog->open();
}

} // namespace ui
