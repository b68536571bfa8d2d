// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/jupyter/JupyterForm.h"

#include "ui/widgets/ResourceFields.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>

namespace ui {

namespace {

using Kind = app::JupyterEnvironment::Kind;

// The order of the environment picker's entries.
constexpr Kind Kinds[] = {Kind::Modules, Kind::Conda, Kind::Venv, Kind::Container, Kind::System};

} // namespace

JupyterForm::JupyterForm(QWidget *parent)
    : QWidget(parent)
    , m_workDirectory(new QLineEdit(this))
    , m_environmentKind(new QComboBox(this))
    , m_environmentPages(new QStackedWidget(this))
    , m_modules(new QLineEdit(this))
    , m_conda(editablePicker(this, tr("name or path of a conda environment")))
    , m_venv(new QLineEdit(this))
    , m_container(new QLineEdit(this))
    , m_interface(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("jupyterForm"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_resourceFields = new ResourceFields(form, this);
    m_workDirectory->setObjectName(QStringLiteral("workDirectory"));
    m_workDirectory->setPlaceholderText(tr("your home folder"));
    form->addRow(tr("&Working folder:"), m_workDirectory);

    m_environmentKind->setObjectName(QStringLiteral("environmentKind"));
    for (const Kind kind : Kinds) {
        switch (kind) {
        case Kind::Modules: m_environmentKind->addItem(tr("Modules"), int(kind)); break;
        case Kind::Conda: m_environmentKind->addItem(tr("Conda environment"), int(kind)); break;
        case Kind::Venv: m_environmentKind->addItem(tr("Python virtual environment"), int(kind)); break;
        case Kind::Container: m_environmentKind->addItem(tr("Container image (Apptainer)"), int(kind)); break;
        case Kind::System: m_environmentKind->addItem(tr("The system's Python"), int(kind)); break;
        }
    }
    form->addRow(tr("&Environment:"), m_environmentKind);
    m_modules->setObjectName(QStringLiteral("modules"));
    m_modules->setPlaceholderText(tr("modules to load, e.g. jupyter/2.15 (separated by spaces)"));
    form->addRow(tr("M&odules:"), m_modules);
    m_conda->setObjectName(QStringLiteral("conda"));
    m_venv->setObjectName(QStringLiteral("venv"));
    m_venv->setPlaceholderText(tr("folder holding bin/activate, e.g. ~/venvs/torch"));
    m_container->setObjectName(QStringLiteral("container"));
    m_container->setPlaceholderText(tr("image file or URI, e.g. ~/images/pytorch.sif"));
    auto *none = new QWidget(this);
    for (QWidget *page : std::initializer_list<QWidget *>{none, m_conda, m_venv, m_container})
        m_environmentPages->addWidget(page);
    m_environmentPages->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    form->addRow(QString(), m_environmentPages);

    auto *interfaces = new QWidget(this);
    auto *interfaceRow = new QHBoxLayout(interfaces);
    interfaceRow->setContentsMargins(0, 0, 0, 0);
    auto *lab = new QRadioButton(tr("JupyterLab"), interfaces);
    lab->setObjectName(QStringLiteral("lab"));
    auto *notebook = new QRadioButton(tr("Classic Notebook"), interfaces);
    notebook->setObjectName(QStringLiteral("notebook"));
    m_interface->addButton(lab, int(app::JupyterSettings::Interface::Lab));
    m_interface->addButton(notebook, int(app::JupyterSettings::Interface::Notebook));
    lab->setChecked(true);
    interfaceRow->addWidget(lab);
    interfaceRow->addWidget(notebook);
    interfaceRow->addStretch(1);
    form->addRow(tr("&Interface:"), interfaces);

    const auto changed = [this] {
        updateInfo();
        Q_EMIT edited();
    };
    connect(m_resourceFields, &ResourceFields::edited, this, changed);
    connect(m_workDirectory, &QLineEdit::textChanged, this, changed);
    connect(m_environmentKind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_modules, &QLineEdit::textChanged, this, changed);
    connect(m_conda, &QComboBox::currentTextChanged, this, changed);
    connect(m_venv, &QLineEdit::textChanged, this, changed);
    connect(m_container, &QLineEdit::textChanged, this, changed);
    connect(m_interface, &QButtonGroup::idClicked, this, changed);
    updateInfo();
}

app::JupyterSettings JupyterForm::settings() const
{
    app::JupyterSettings settings;
    const ResourceFields::Values resources = m_resourceFields->values();
    settings.partition = resources.partition;
    settings.timeLimit = resources.timeLimit;
    settings.cpus = resources.cpus;
    settings.memory = resources.memory;
    settings.gpus = resources.gpus;
    settings.account = resources.account;
    settings.qos = resources.qos;
    settings.workDirectory = m_workDirectory->text().trimmed();
    settings.environment.kind = Kind(m_environmentKind->currentData().toInt());
    settings.environment.modules = m_modules->text().split(u' ', Qt::SkipEmptyParts);
    settings.environment.conda = m_conda->currentText().trimmed();
    settings.environment.venv = m_venv->text().trimmed();
    settings.environment.container = m_container->text().trimmed();
    settings.interface = app::JupyterSettings::Interface(m_interface->checkedId());
    return settings;
}

void JupyterForm::setSettings(const app::JupyterSettings &settings)
{
    m_resourceFields->setValues({settings.partition, settings.timeLimit, settings.cpus, settings.memory, settings.gpus,
                                 settings.account, settings.qos});
    m_workDirectory->setText(settings.workDirectory);
    m_environmentKind->setCurrentIndex(std::max(0, m_environmentKind->findData(int(settings.environment.kind))));
    m_modules->setText(settings.environment.modules.join(u' '));
    m_conda->setEditText(settings.environment.conda);
    m_venv->setText(settings.environment.venv);
    m_container->setText(settings.environment.container);
    if (QAbstractButton *button = m_interface->button(int(settings.interface)))
        button->setChecked(true);
    updateInfo();
}

void JupyterForm::setResources(const app::ClusterResources &resources)
{
    m_resourceFields->setResources(resources);
    auto *completer = new QCompleter(resources.modules, m_modules);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_modules->setCompleter(completer);
    updateInfo();
}

void JupyterForm::setCondaEnvironments(const QStringList &environments)
{
    refillPicker(m_conda, environments);
}

void JupyterForm::updateInfo()
{
    const Kind kind = Kind(m_environmentKind->currentData().toInt());
    m_environmentPages->setCurrentIndex(kind == Kind::Conda       ? 1
                                        : kind == Kind::Venv      ? 2
                                        : kind == Kind::Container ? 3
                                                                  : 0);
    m_environmentPages->setVisible(m_environmentPages->currentIndex() != 0);
}

QString JupyterForm::problem() const
{
    if (const QString resources = m_resourceFields->problem(); !resources.isEmpty())
        return resources;
    const Kind kind = Kind(m_environmentKind->currentData().toInt());
    if ((kind == Kind::Conda && m_conda->currentText().trimmed().isEmpty())
        || (kind == Kind::Venv && m_venv->text().trimmed().isEmpty())
        || (kind == Kind::Container && m_container->text().trimmed().isEmpty()))
        return tr("Name the environment to use.");
    return {};
}

} // namespace ui
