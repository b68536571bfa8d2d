// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/presets/PresetFile.h"
#include "sshcore/Result.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QPushButton;

namespace ui {

// A row over a form: "Preset:", a picker of the presets saved for the cluster, Save as… (asks for a
// name, window-modal and asynchronous) and Delete. What is stored, and where, is the owner's: it
// gives the operations (Store) and fills the form when a preset is chosen.
class PresetBar : public QWidget
{
    Q_OBJECT

public:
    struct Store
    {
        std::function<QStringList()> names;                           // the cluster's, in order
        std::function<sshcore::Result<void>(const QString &)> save;   // the form as it is, under a name
        std::function<sshcore::Result<void>(const QString &)> remove; // that preset
    };

    // question: what Save as… asks ("A name for these Jupyter settings on this cluster …").
    PresetBar(QString question, QWidget *parent = nullptr);

    // No store (a default one): nothing to pick, save or delete (no cluster).
    void setStore(Store store);
    // Fills the picker again, selecting select (by name) if it is there.
    void reload(const QString &select = {});

Q_SIGNALS:
    void chosen(const QString &name);
    void message(const QString &text);

private:
    void saveAs();
    void removeCurrent();

    QString m_question;
    Store m_store;
    QComboBox *m_picker;
    QPushButton *m_save;
    QPushButton *m_delete;
};

// The store of one cluster's presets of a kind; current gives the form's settings as they are now.
template<typename Settings>
PresetBar::Store presetStore(app::Presets<Settings> *presets, const QString &cluster, std::function<Settings()> current)
{
    PresetBar::Store store;
    store.names = [presets, cluster] {
        QStringList names;
        for (const auto &preset : presets->presets(cluster))
            names << preset.name;
        return names;
    };
    store.save = [presets, cluster, current](const QString &name) { return presets->save(cluster, {name, current()}); };
    store.remove = [presets, cluster](const QString &name) { return presets->remove(cluster, name); };
    return store;
}

} // namespace ui
