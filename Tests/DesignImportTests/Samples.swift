/// Diagrams written the way people write them (in READMEs, wikis, design docs), kept here
/// rather than produced by sysdraft, so the importers are checked against real habits:
/// mixed shapes, comments, styling, labels in both forms, chains, nesting.
enum Samples {
    static let mermaidCheckout = """
        ---
        title: Checkout flow
        ---
        %% Drawn for the Q3 design review
        flowchart LR
            user([Shopper]) -->|HTTPS| cdn{{CloudFront}}
            cdn --> lb[/ALB\\]
            lb --> api[Checkout API]
            api -- reads --> cache[(Redis)]
            api --> db[(Orders DB)]
            api -.->|order placed| q>Orders queue]
            q -.-> worker[[Fulfilment worker]]
            worker & api --> pay[\\Stripe\\]
            subgraph backend [Backend services]
              api
              worker
              subgraph data
                db
                cache
              end
            end
            classDef hot fill:#f96;
            class api hot
            style db fill:#ccc
            click api "https://wiki.example.com/checkout"
            linkStyle 0 stroke:red
            api <--> ws[Websocket hub]; ws --- user
        """

    static let mermaidTopDown = """
        graph TD
          A[Client] --> B(Load Balancer)
          B --> C{Route?}
          C -->|/api| D[API Server]
          C -->|/static| E[S3 bucket]
          D ==> F[(PostgreSQL)]
          D --> G[(Redis cache)]
          D -. async .-> H>Kafka]
          H --> I[[Email worker]]
          I --> J((SendGrid))
        """

    static let structurizrBank = """
        workspace "Big Bank plc" "Internet banking" {
            !identifiers hierarchical
            model {
                customer = person "Personal Banking Customer" "A customer of the bank."
                group "Big Bank plc" {
                    supportStaff = person "Customer Service Staff" "Staff within the bank." "Bank Staff"
                    mainframe = softwareSystem "Mainframe Banking System" "Stores all core banking information." "Existing System"
                    email = softwaresystem "E-mail System" "The internal Microsoft Exchange e-mail system." "Existing System"
                    internetBankingSystem = softwaresystem "Internet Banking System" "Allows customers to view information." {
                        singlePageApplication = container "Single-Page Application" "Provides banking functionality." "JavaScript and Angular" "Web Browser"
                        apiApplication = container "API Application" "Provides functionality via a JSON/HTTPS API." "Java and Spring MVC" {
                            signinController = component "Sign In Controller" "Allows users to sign in." "Spring MVC Rest Controller"
                            securityComponent = component "Security Component" "Sign in, password changes." "Spring Bean"
                        }
                        database = container "Database" "Stores user registration information." "Oracle Database Schema" "Database"
                    }
                }
                # relationships between people and systems
                customer -> internetBankingSystem.singlePageApplication "Views account balances"
                customer -> internetBankingSystem "Uses"
                internetBankingSystem.singlePageApplication -> internetBankingSystem.apiApplication.signinController "Makes API calls to" "JSON/HTTPS"
                internetBankingSystem.apiApplication.signinController -> internetBankingSystem.apiApplication.securityComponent "Uses"
                internetBankingSystem.apiApplication.securityComponent -> internetBankingSystem.database "Reads from and writes to" "SQL/TCP"
                email -> customer "Sends e-mails to" "SMTP" "Async"
                /* deployment is described
                   elsewhere */
                deploymentEnvironment "Live" {
                    deploymentNode "Big Bank" {
                        containerInstance internetBankingSystem.apiApplication
                    }
                }
            }
            views {
                systemContext internetBankingSystem "SystemContext" {
                    include *
                    autoLayout
                }
                styles {
                    element "Person" {
                        shape person
                    }
                }
            }
        }
        """

    static let structurizrFlat = """
        workspace {
            model {
                u = person "User"
                s = softwareSystem "Ride sharing" {
                    app = container "Rider app" "Books rides" "Swift, iOS"
                    api = container "Trips API" "" "Go" {
                        -> db "Stores trips" "SQL"
                        -> events "Publishes trip events" "Kafka"
                    }
                    db = container "Trips DB" "" "PostgreSQL" "Database"
                    events = container "Trip events" "" "Kafka topic"
                    matcher = container "Driver matcher" "Pairs riders and drivers" "Go"
                }
                u -> app "Requests a ride"
                app -> api "Calls" "HTTPS/JSON"
                events -> matcher "Feeds"
                maps = softwareSystem "Maps provider" "Routing and ETAs" "External"
                matcher -> maps "Asks for ETAs" "HTTPS"
            }
            views {
                container s {
                    include *
                }
            }
        }
        """

    static let d2Photos = """
        # Photo sharing
        direction: right
        users: Users {shape: person}
        cdn: CloudFront CDN { shape: hexagon }
        aws: AWS {
          lb: Load balancer
          api: Upload API
          store: Photos {
            shape: cylinder
            style.fill: "#eee"
          }
          thumbs: Thumbnailer
          q: Jobs { shape: queue }
          api -> store: write original
          api -> q: enqueue
          q -> thumbs
        }
        db: {
          shape: sql_table
          id: int {constraint: primary_key}
          owner: int
        }
        users -> cdn -> aws.lb: HTTPS
        aws.lb -> aws.api
        aws.thumbs <- aws.q: "pull: jobs"
        aws.api <-> db.owner
        aws.api -- aws: odd
        aws.api.style.stroke: red
        layers: {
          x: { a -> b }
        }
        """

    static let d2Plain = """
        web -> api: REST
        api -> redis: sessions
        api -> "orders db": SQL
        redis.shape: cylinder
        "orders db".shape: cylinder
        api -> billing
        billing: Billing service {
          tooltip: owned by payments
        }
        """
}
