/**
 * The Mesa API as the portal sees it, generated from the API's OpenAPI document (response schemas
 * in src/modules/<name>/dto/*.dto.ts). Do not edit: run `npm run api:types` after changing the API.
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AttachmentsController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AttachmentsController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/staged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AttachmentsController_stage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CalendarsController_list"];
        put?: never;
        post: operations["CalendarsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CalendarsController_get"];
        put?: never;
        post?: never;
        delete: operations["CalendarsController_remove"];
        options?: never;
        head?: never;
        patch: operations["CalendarsController_update"];
        trace?: never;
    };
    "/api/v1/calendars/{id}/closures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CalendarsController_addClosure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{id}/closures/{closureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["CalendarsController_removeClosure"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_list"];
        put?: never;
        post: operations["CatalogController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CatalogController_update"];
        trace?: never;
    };
    "/api/v1/catalog/services/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CatalogController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/services/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CatalogController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/services/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/services/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/services/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CatalogController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/documented-services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketIndicatorsController_documentedServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["OrganisationsController_removeLocation"];
        options?: never;
        head?: never;
        patch: operations["OrganisationsController_updateLocation"];
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_tokens"];
        put?: never;
        post: operations["AuthController_createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["AuthController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_preferences"];
        put: operations["NotificationsController_setPreference"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationsController_list"];
        put?: never;
        post: operations["OrganisationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationsController_get"];
        put?: never;
        post?: never;
        delete: operations["OrganisationsController_remove"];
        options?: never;
        head?: never;
        patch: operations["OrganisationsController_update"];
        trace?: never;
    };
    "/api/v1/organisations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationsController_locations"];
        put?: never;
        post: operations["OrganisationsController_createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/priority-matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PriorityMatrixController_get"];
        put: operations["PriorityMatrixController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_roles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/saved-filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SavedFiltersController_list"];
        put?: never;
        post: operations["SavedFiltersController_save"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/saved-filters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["SavedFiltersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TeamsController_list"];
        put?: never;
        post: operations["TeamsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TeamsController_get"];
        put?: never;
        post?: never;
        delete: operations["TeamsController_remove"];
        options?: never;
        head?: never;
        patch: operations["TeamsController_update"];
        trace?: never;
    };
    "/api/v1/teams/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["TeamsController_setMembers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/text-modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TextModulesController_list"];
        put?: never;
        post: operations["TextModulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/text-modules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TextModulesController_get"];
        put?: never;
        post?: never;
        delete: operations["TextModulesController_remove"];
        options?: never;
        head?: never;
        patch: operations["TextModulesController_update"];
        trace?: never;
    };
    "/api/v1/text-modules/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TextModulesController_render"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_list"];
        put?: never;
        post: operations["TicketsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["TicketsController_update"];
        trace?: never;
    };
    "/api/v1/tickets/{id}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_approval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_articles"];
        put?: never;
        post: operations["TicketsController_addArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_listAttachments"];
        put?: never;
        post: operations["TicketsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_escalate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_listLinks"];
        put?: never;
        post: operations["TicketsController_addLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["TicketsController_removeLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/more-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_moreTime"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/proposed-solution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_proposeSolution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/requester-context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_requesterContext"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/return-to-coordinator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_returnToCoordinator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/take": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_take"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_bulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/counters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_counters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_lookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/my-action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_myAction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_tokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["UsersController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiToken: {
            /** Format: date-time */
            createdAt: string;
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            lastUsedAt: string | null;
            name: string;
            prefix: string;
            /** @enum {string} */
            scope: "read_only" | "read_write";
        };
        ApiTokens: {
            items: components["schemas"]["ApiToken"][];
        };
        Article: {
            authorId: string | null;
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "public" | "internal";
            movedFromTicketId: string | null;
            origin: ("escalation" | "return" | "rejection" | "solution") | null;
            /** Format: uuid */
            ticketId: string;
        };
        Articles: {
            items: components["schemas"]["ArticleWithAuthor"][];
        };
        ArticleWithAuthor: {
            authorId: string | null;
            authorName: string | null;
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "public" | "internal";
            movedFromTicketId: string | null;
            origin: ("escalation" | "return" | "rejection" | "solution") | null;
            /** Format: uuid */
            ticketId: string;
        };
        Attachment: {
            articleId: string | null;
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            fileName: string;
            /** Format: uuid */
            id: string;
            size: number;
            /** Format: uuid */
            ticketId: string;
        };
        Attachments: {
            items: components["schemas"]["Attachment"][];
        };
        AuditEntry: {
            action: string;
            actorId: string | null;
            /** Format: date-time */
            at: string;
            entity: string;
            entityId: string;
            field: string | null;
            id: string;
            newValue: unknown;
            oldValue: unknown;
            requestId: string | null;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            page: number;
            pageSize: number;
            total: number;
        };
        BulkResults: {
            results: {
                code?: string;
                detail?: string;
                ok: boolean;
                status?: number;
                /** Format: uuid */
                ticketId: string;
            }[];
        };
        BusinessCalendar: {
            closures: components["schemas"]["BusinessCalendarClosure"][];
            code: string;
            /** Format: date-time */
            createdAt: string;
            holidayCountry: ("MX" | "PE") | null;
            holidays: {
                /** Format: date */
                date: string;
                name: string;
            }[];
            /** Format: uuid */
            id: string;
            isActive: boolean;
            name: string;
            serviceCount: number;
            services: {
                code: string;
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            timeZone: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            week: {
                1: {
                    end: string;
                    start: string;
                }[];
                2: {
                    end: string;
                    start: string;
                }[];
                3: {
                    end: string;
                    start: string;
                }[];
                4: {
                    end: string;
                    start: string;
                }[];
                5: {
                    end: string;
                    start: string;
                }[];
                6: {
                    end: string;
                    start: string;
                }[];
                7: {
                    end: string;
                    start: string;
                }[];
            };
            year: number;
        };
        BusinessCalendarClosure: {
            /** Format: date */
            date: string;
            /** Format: uuid */
            id: string;
            reason: string;
        };
        BusinessCalendars: {
            items: components["schemas"]["BusinessCalendarSummary"][];
        };
        BusinessCalendarSummary: {
            code: string;
            /** Format: date-time */
            createdAt: string;
            holidayCountry: ("MX" | "PE") | null;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            name: string;
            serviceCount: number;
            timeZone: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            week: {
                1: {
                    end: string;
                    start: string;
                }[];
                2: {
                    end: string;
                    start: string;
                }[];
                3: {
                    end: string;
                    start: string;
                }[];
                4: {
                    end: string;
                    start: string;
                }[];
                5: {
                    end: string;
                    start: string;
                }[];
                6: {
                    end: string;
                    start: string;
                }[];
                7: {
                    end: string;
                    start: string;
                }[];
            };
        };
        CatalogImportResult: {
            created: number;
            updated: number;
        };
        CreatedApiToken: {
            /** Format: date-time */
            createdAt: string;
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            lastUsedAt: string | null;
            name: string;
            prefix: string;
            /** @enum {string} */
            scope: "read_only" | "read_write";
            token: string;
        };
        CreatedLink: {
            /** Format: uuid */
            id: string;
        };
        DocumentedIndicator: {
            documented: number;
            incomplete: {
                code: string;
                /** Format: uuid */
                id: string;
                missing: ("description" | "ownerOrganisationId" | "teamL1Id" | "slaTargets")[];
                name: string;
            }[];
            percentage: number | null;
            provided: number;
        };
        FieldCondition: {
            field: string;
            values: string[];
        };
        FormField: {
            help?: string;
            key: string;
            label: string;
            required: boolean;
            requiredWhen?: components["schemas"]["FieldCondition"];
            showWhen?: components["schemas"]["FieldCondition"];
            /** @enum {string} */
            type: "text" | "long_text" | "number" | "date" | "date_range" | "select" | "multi_select" | "email" | "phone" | "ipv4_cidr" | "url" | "port_list" | "user_picker" | "file";
            validation?: {
                integer?: boolean;
                max?: number;
                maxLength?: number;
                min?: number;
                minLength?: number;
                options?: string[];
                regex?: string;
                regexMessage?: string;
            };
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Location: {
            address: string | null;
            building: string | null;
            /** Format: uuid */
            id: string;
            municipality: string;
            name: string;
            /** Format: uuid */
            organisationId: string;
            state: string | null;
            version: number;
        };
        Locations: {
            items: components["schemas"]["Location"][];
        };
        LoginResult: {
            csrfToken: string;
            user: components["schemas"]["Me"];
        };
        Me: {
            deskTimeZone: string;
            email: string;
            fullName: string;
            /** Format: uuid */
            id: string;
            isVip: boolean;
            organisation: {
                /** Format: uuid */
                id: string;
                kind: string;
                name: string;
            } | null;
            permissions: ("profile.self" | "tickets.request" | "tickets.work" | "tickets.use" | "tickets.configure" | "tickets.overview" | "tickets.settings.read" | "catalog.read" | "catalog.manage" | "catalog.indicators.read" | "notifications.self" | "roles.read" | "users.read" | "users.manage" | "organisations.read" | "organisations.manage" | "teams.read" | "teams.manage" | "audit.read" | "textModules.use" | "calendars.read" | "calendars.manage")[];
            phone: string | null;
            roles: ("requester" | "agent_l1" | "resolver_l2" | "resolver_l3" | "team_coordinator" | "field_technician" | "field_chief" | "desk_coordinator" | "director" | "problem_manager" | "change_manager" | "catalog_manager" | "admin")[];
        };
        MergeResult: {
            source: components["schemas"]["Ticket"];
            target: components["schemas"]["Ticket"];
        };
        MyAction: {
            counts: {
                approval: number;
                assigned: number;
                reopened: number;
                returned: number;
                validate: number;
            };
            items: {
                assigneeId: string | null;
                assigneeName: string | null;
                /** @enum {string} */
                channel: "portal" | "email" | "phone" | "letter" | "e_signature" | "walk_in" | "field";
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                isMajor: boolean;
                number: string;
                organisationId: string | null;
                pendingReason: ("requester" | "third_party" | "scheduled_visit" | "approval") | null;
                /** @enum {string} */
                priority: "critical" | "high" | "medium" | "low";
                /** @enum {string} */
                reason: "approval" | "validate" | "returned" | "reopened" | "assigned";
                /** Format: uuid */
                requesterId: string;
                requesterName: string;
                resolutionDueAt: string | null;
                serviceId: string | null;
                serviceName: string | null;
                /** @enum {string} */
                state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
                supportLevel: ("1" | "2" | "3" | "field") | null;
                teamId: string | null;
                teamName: string | null;
                title: string;
                /** @enum {string} */
                type: "incident" | "service_request" | "complaint";
                unitId: string | null;
                /** Format: date-time */
                updatedAt: string;
                version: number;
            }[];
        };
        Notification: {
            body: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            kind: string;
            link: string | null;
            readAt: string | null;
            title: string;
        };
        NotificationPreferences: {
            channels: {
                label: string;
                value: string;
            }[];
            items: {
                /** @enum {string} */
                channel: "both" | "in_app" | "email" | "none";
                description: string;
                kind: string;
                label: string;
                mutable: boolean;
            }[];
        };
        Notifications: {
            items: components["schemas"]["Notification"][];
            unread: number;
        };
        Organisation: {
            code: string;
            /** Format: date-time */
            createdAt: string;
            email: string | null;
            headUserId: string | null;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            /** @enum {string} */
            kind: "dependency" | "responsible_unit" | "area";
            name: string;
            parentId: string | null;
            requestersSeeUnitTickets: boolean;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        OrganisationDetail: {
            code: string;
            /** Format: date-time */
            createdAt: string;
            email: string | null;
            headUserId: string | null;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            /** @enum {string} */
            kind: "dependency" | "responsible_unit" | "area";
            locations: components["schemas"]["Location"][];
            name: string;
            parentId: string | null;
            requestersSeeUnitTickets: boolean;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        OrganisationPage: {
            items: components["schemas"]["Organisation"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PriorityMatrix: {
            /** @description rows are impact, columns urgency */
            matrix: {
                high: {
                    /** @enum {string} */
                    high: "critical" | "high" | "medium" | "low";
                    /** @enum {string} */
                    low: "critical" | "high" | "medium" | "low";
                    /** @enum {string} */
                    medium: "critical" | "high" | "medium" | "low";
                };
                low: {
                    /** @enum {string} */
                    high: "critical" | "high" | "medium" | "low";
                    /** @enum {string} */
                    low: "critical" | "high" | "medium" | "low";
                    /** @enum {string} */
                    medium: "critical" | "high" | "medium" | "low";
                };
                medium: {
                    /** @enum {string} */
                    high: "critical" | "high" | "medium" | "low";
                    /** @enum {string} */
                    low: "critical" | "high" | "medium" | "low";
                    /** @enum {string} */
                    medium: "critical" | "high" | "medium" | "low";
                };
            };
        };
        Problem: {
            /** @enum {string} */
            code: "VALIDATION_FAILED" | "REQUEST_INVALID" | "REQUEST_MALFORMED_JSON" | "REQUEST_TOO_LARGE" | "REQUEST_UNSUPPORTED_MEDIA_TYPE" | "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "AUTH_REQUIRED" | "AUTH_INVALID_CREDENTIALS" | "AUTH_ACCOUNT_DISABLED" | "AUTH_RATE_LIMITED" | "AUTH_CSRF_INVALID" | "AUTH_FORBIDDEN" | "AUTH_SESSION_REQUIRED" | "AUTH_TOKEN_READ_ONLY" | "LIVE_STREAM_LIMIT" | "PASSWORD_POLICY_VIOLATION" | "PASSWORD_CURRENT_INCORRECT" | "USER_NOT_FOUND" | "USER_EMAIL_TAKEN" | "TOKEN_NOT_FOUND" | "TEAM_NOT_FOUND" | "TEAM_NAME_TAKEN" | "TEAM_HAS_NO_SUCH_MEMBER" | "ORGANISATION_NOT_FOUND" | "ORGANISATION_CODE_TAKEN" | "ORGANISATION_INVALID_PARENT" | "ORGANISATION_IN_USE" | "LOCATION_NOT_FOUND" | "RECORD_VERSION_CONFLICT" | "TICKET_NOT_FOUND" | "TICKET_ILLEGAL_TRANSITION" | "TICKET_TRANSITION_INCOMPLETE" | "TICKET_LETTER_ANSWER_REQUIRED" | "TICKET_ALREADY_TAKEN" | "TICKET_CHANNEL_FORBIDDEN" | "TICKET_ACTION_FORBIDDEN" | "TICKET_SERVICE_UNAVAILABLE" | "TICKET_ESCALATION_NOT_ALLOWED" | "TICKET_VALIDATION_REQUIRED" | "TICKET_MERGE_INVALID" | "TICKET_READ_ONLY" | "TICKET_AWAITING_APPROVAL" | "TICKET_LINK_INVALID" | "PRIORITY_MATRIX_NOT_MONOTONIC" | "SLA_CALENDAR_INVALID" | "ATTACHMENT_TOO_LARGE" | "ATTACHMENT_TYPE_NOT_ALLOWED" | "ATTACHMENT_NOT_FOUND" | "CATALOG_SERVICE_NOT_FOUND" | "CATALOG_CODE_TAKEN" | "CATALOG_ILLEGAL_TRANSITION" | "SAVED_FILTER_NOT_FOUND" | "NOTIFICATION_NOT_FOUND" | "TEXT_MODULE_NOT_FOUND" | "TEXT_MODULE_FORBIDDEN" | "CALENDAR_NOT_FOUND" | "CALENDAR_CODE_TAKEN" | "CALENDAR_IN_USE" | "CALENDAR_CLOSURE_TAKEN" | "CALENDAR_CLOSURE_NOT_FOUND" | "REQUEST_RATE_LIMITED" | "SERVICE_BUSY" | "INTERNAL";
            detail: string;
            errors: {
                field: string;
                message: string;
            }[];
            requestId?: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        Readiness: {
            checks: {
                /** @enum {string} */
                database: "ok" | "down";
                /** @enum {string} */
                redis: "ok" | "down";
            };
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        RenderedTextModule: {
            body: string;
        };
        RequesterContext: {
            /** @description other open tickets of the requester the caller may open, newest first (at most 10) */
            openTickets: {
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                priority: "critical" | "high" | "medium" | "low";
                /** @enum {string} */
                state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
                title: string;
            }[];
            openTotal: number;
            /** @description their recently finished tickets (at most 5) */
            recentTickets: {
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                priority: "critical" | "high" | "medium" | "low";
                /** @enum {string} */
                state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
                title: string;
            }[];
            requester: {
                email: string;
                fullName: string;
                /** Format: uuid */
                id: string;
                isActive: boolean;
                isVip: boolean;
                organisation: string | null;
                phone: string | null;
                /** @description the responsible unit (UR) above the organisation, when it is an area */
                unit: string | null;
            };
        };
        Roles: {
            items: {
                /** @enum {string} */
                id: "requester" | "agent_l1" | "resolver_l2" | "resolver_l3" | "team_coordinator" | "field_technician" | "field_chief" | "desk_coordinator" | "director" | "problem_manager" | "change_manager" | "catalog_manager" | "admin";
                label: string;
            }[];
        };
        SavedFilter: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            query: {
                [key: string]: unknown;
            };
        };
        SavedFilters: {
            items: components["schemas"]["SavedFilter"][];
        };
        Service: {
            allowedOrganisationIds: string[];
            /** @enum {string} */
            approval: "none" | "requester_head" | "catalog_owner";
            calendarCode: string;
            category: string;
            code: string;
            description: string | null;
            form: components["schemas"]["FormField"][];
            /** Format: uuid */
            id: string;
            leadTimeDays: number;
            name: string;
            ownerOrganisationId: string | null;
            portalOrderable: boolean;
            publishedVersion: number;
            restricted: boolean;
            slaTargets: {
                critical?: {
                    resolutionMinutes: number;
                    responseMinutes: number;
                };
                high?: {
                    resolutionMinutes: number;
                    responseMinutes: number;
                };
                low?: {
                    resolutionMinutes: number;
                    responseMinutes: number;
                };
                medium?: {
                    resolutionMinutes: number;
                    responseMinutes: number;
                };
            };
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            subcategory: string | null;
            teamFieldId: string | null;
            teamL1Id: string | null;
            teamL2Id: string | null;
            teamL3Id: string | null;
            /** @enum {string} */
            type: "incident" | "service_request" | "both";
            version: number;
        };
        ServicePage: {
            items: components["schemas"]["Service"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ServiceVersions: {
            items: {
                /** Format: date-time */
                publishedAt: string;
                publishedById: string | null;
                snapshot: {
                    [key: string]: unknown;
                };
                version: number;
            }[];
        };
        StagedAttachment: {
            contentType: string;
            fileName: string;
            /** Format: uuid */
            id: string;
            size: number;
        };
        Team: {
            coordinatorId: string | null;
            description: string | null;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            memberIds: string[];
            name: string;
            /** @enum {string} */
            supportLevel: "1" | "2" | "3" | "field";
            version: number;
        };
        TeamPage: {
            items: components["schemas"]["Team"][];
            page: number;
            pageSize: number;
            total: number;
        };
        TextModule: {
            body: string;
            canManage: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            keywords: string[];
            name: string;
            /** @enum {string} */
            scope: "global" | "team";
            teamId: string | null;
            teamName: string | null;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        TextModules: {
            canManageGlobal: boolean;
            items: components["schemas"]["TextModule"][];
            manageableTeams: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            placeholders: ("requester.name" | "requester.firstName" | "ticket.number" | "ticket.title" | "ticket.service" | "agent.name" | "agent.firstName")[];
        };
        Ticket: {
            approvalStatus: ("pending" | "approved" | "rejected") | null;
            approverId: string | null;
            assigneeId: string | null;
            category: string | null;
            /** @enum {string} */
            channel: "portal" | "email" | "phone" | "letter" | "e_signature" | "walk_in" | "field";
            closedAt: string | null;
            closeReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdById: string;
            description: string;
            escalatedFromTeamId: string | null;
            firstResponseAt: string | null;
            formData: {
                [key: string]: unknown;
            } | null;
            formVersion: number | null;
            hierarchicalEscalatedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            impact: "high" | "medium" | "low";
            isMajor: boolean;
            letterAnswer: string | null;
            letterNumber: string | null;
            mergedIntoId: string | null;
            number: string;
            organisationId: string | null;
            pendingReason: ("requester" | "third_party" | "scheduled_visit" | "approval") | null;
            pendingUntil: string | null;
            /** @enum {string} */
            priority: "critical" | "high" | "medium" | "low";
            proposedSolution: string | null;
            reopenCount: number;
            /** Format: uuid */
            requesterId: string;
            resolutionDueAt: string | null;
            resolvedAt: string | null;
            responseDueAt: string | null;
            serviceId: string | null;
            solution: string | null;
            /** @enum {string} */
            state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
            supportLevel: ("1" | "2" | "3" | "field") | null;
            teamId: string | null;
            title: string;
            /** @enum {string} */
            type: "incident" | "service_request" | "complaint";
            unitId: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @enum {string} */
            urgency: "high" | "medium" | "low";
            version: number;
        };
        TicketCounters: {
            mine: number;
            open: number;
            pending: number;
            team: number;
            unassigned: number;
        };
        TicketDetail: {
            approvalStatus: ("pending" | "approved" | "rejected") | null;
            approverId: string | null;
            assigneeId: string | null;
            category: string | null;
            /** @enum {string} */
            channel: "portal" | "email" | "phone" | "letter" | "e_signature" | "walk_in" | "field";
            closedAt: string | null;
            closeReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdById: string;
            description: string;
            escalatedFromTeamId: string | null;
            firstResponseAt: string | null;
            formData: {
                [key: string]: unknown;
            } | null;
            formFields: {
                key: string;
                label: string;
                type: string;
            }[];
            formVersion: number | null;
            hierarchicalEscalatedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            impact: "high" | "medium" | "low";
            isMajor: boolean;
            letterAnswer: string | null;
            letterNumber: string | null;
            mergedIntoId: string | null;
            names: {
                assignee: string | null;
                createdBy: string;
                organisation: string | null;
                requester: string;
                service: string | null;
                team: string | null;
            };
            number: string;
            organisationId: string | null;
            pendingReason: ("requester" | "third_party" | "scheduled_visit" | "approval") | null;
            pendingUntil: string | null;
            /** @enum {string} */
            priority: "critical" | "high" | "medium" | "low";
            proposedSolution: string | null;
            reopenCount: number;
            /** Format: uuid */
            requesterId: string;
            resolutionDueAt: string | null;
            resolvedAt: string | null;
            responseDueAt: string | null;
            serviceId: string | null;
            solution: string | null;
            /** @enum {string} */
            state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
            supportLevel: ("1" | "2" | "3" | "field") | null;
            teamId: string | null;
            title: string;
            /** @enum {string} */
            type: "incident" | "service_request" | "complaint";
            unitId: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @enum {string} */
            urgency: "high" | "medium" | "low";
            version: number;
        };
        TicketHistory: {
            items: components["schemas"]["TicketHistoryEntry"][];
        };
        TicketHistoryEntry: {
            action: string;
            actorId: string | null;
            actorName: string | null;
            /** Format: date-time */
            at: string;
            field: string | null;
            id: string;
            newValue: string | null;
            oldValue: string | null;
            reason: string | null;
        };
        TicketLink: {
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            direction: "outgoing" | "incoming";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "duplicate_of" | "caused_by" | "parent_of" | "related_to";
            ticket: {
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
                title: string;
            };
        };
        TicketLinks: {
            items: components["schemas"]["TicketLink"][];
        };
        TicketListItem: {
            assigneeId: string | null;
            assigneeName: string | null;
            /** @enum {string} */
            channel: "portal" | "email" | "phone" | "letter" | "e_signature" | "walk_in" | "field";
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            isMajor: boolean;
            number: string;
            organisationId: string | null;
            pendingReason: ("requester" | "third_party" | "scheduled_visit" | "approval") | null;
            /** @enum {string} */
            priority: "critical" | "high" | "medium" | "low";
            /** Format: uuid */
            requesterId: string;
            requesterName: string;
            resolutionDueAt: string | null;
            serviceId: string | null;
            serviceName: string | null;
            /** @enum {string} */
            state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
            supportLevel: ("1" | "2" | "3" | "field") | null;
            teamId: string | null;
            teamName: string | null;
            title: string;
            /** @enum {string} */
            type: "incident" | "service_request" | "complaint";
            unitId: string | null;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        TicketLookup: {
            items: {
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
                title: string;
            }[];
        };
        TicketOverview: {
            byPriority: {
                count: number;
                /** @enum {string} */
                priority: "critical" | "high" | "medium" | "low";
            }[];
            byState: {
                count: number;
                /** @enum {string} */
                state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
            }[];
            byTeam: {
                count: number;
                teamId: string | null;
                teamName: string | null;
            }[];
            oldestOpen: {
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                priority: "critical" | "high" | "medium" | "low";
                reopenCount: number;
                /** @enum {string} */
                state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
                teamName: string | null;
                title: string;
            }[];
            open: number;
            reopened: {
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                priority: "critical" | "high" | "medium" | "low";
                reopenCount: number;
                /** @enum {string} */
                state: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
                teamName: string | null;
                title: string;
            }[];
            /** @description open tickets that were reopened at least once */
            reopenedOpen: number;
        };
        TicketPage: {
            items: components["schemas"]["TicketListItem"][];
            page: number;
            pageSize: number;
            total: number;
            /** @description true when `total` stopped counting at the cap (a lower bound) */
            totalCapped: boolean;
        };
        User: {
            /** Format: date-time */
            createdAt: string;
            email: string;
            fullName: string;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            isVip: boolean;
            lastLoginAt: string | null;
            organisationId: string | null;
            phone: string | null;
            roles: ("requester" | "agent_l1" | "resolver_l2" | "resolver_l3" | "team_coordinator" | "field_technician" | "field_chief" | "desk_coordinator" | "director" | "problem_manager" | "change_manager" | "catalog_manager" | "admin")[];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        UserPage: {
            items: components["schemas"]["User"][];
            page: number;
            pageSize: number;
            total: number;
        };
    };
    responses: {
        /** @description An RFC 9457 problem: `code` says what went wrong, `errors` names each bad field. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Health */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Readiness */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    AttachmentsController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description The file, with the content type it was stored with and Content-Disposition: attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
        };
    };
    AttachmentsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description The image or PDF, inline, for the portal to show. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/gif": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
        };
    };
    AttachmentsController_stage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description StagedAttachment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StagedAttachment"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                action?: "create" | "update" | "delete";
                actorId?: string;
                entity?: string;
                entityId?: string;
                from?: string;
                page?: number;
                pageSize?: number;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description AuditPage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description LoginResult */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResult"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description BusinessCalendars */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessCalendars"];
                };
            };
        };
    };
    CalendarsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    holidayCountry: ("MX" | "PE") | null;
                    name: string;
                    timeZone: string;
                    week: {
                        [key: string]: {
                            end: string;
                            start: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description BusinessCalendar */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessCalendar"];
                };
            };
        };
    };
    CalendarsController_get: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description BusinessCalendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessCalendar"];
                };
            };
        };
    };
    CalendarsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CalendarsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    holidayCountry?: ("MX" | "PE") | null;
                    isActive?: boolean;
                    name?: string;
                    timeZone?: string;
                    version: number;
                    week?: {
                        [key: string]: {
                            end: string;
                            start: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description BusinessCalendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessCalendar"];
                };
            };
        };
    };
    CalendarsController_addClosure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    date: string;
                    reason: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description BusinessCalendar */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessCalendar"];
                };
            };
        };
    };
    CalendarsController_removeClosure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                closureId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description BusinessCalendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessCalendar"];
                };
            };
        };
    };
    CatalogController_list: {
        parameters: {
            query?: {
                category?: string;
                page?: number;
                pageSize?: number;
                q?: string;
                status?: "draft" | "active" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description ServicePage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServicePage"];
                };
            };
        };
    };
    CatalogController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowedOrganisationIds?: string[];
                    /** @enum {string} */
                    approval?: "none" | "requester_head" | "catalog_owner";
                    calendarCode?: string;
                    category: string;
                    code: string;
                    description?: string | null;
                    form?: {
                        help?: string;
                        key: string;
                        label: string;
                        /** @default false */
                        required?: boolean;
                        requiredWhen?: {
                            field: string;
                            values: string[];
                        };
                        showWhen?: {
                            field: string;
                            values: string[];
                        };
                        /** @enum {string} */
                        type: "text" | "long_text" | "number" | "date" | "date_range" | "select" | "multi_select" | "email" | "phone" | "ipv4_cidr" | "url" | "port_list" | "user_picker" | "file";
                        validation?: {
                            integer?: boolean;
                            max?: number;
                            maxLength?: number;
                            min?: number;
                            minLength?: number;
                            options?: string[];
                            regex?: string;
                            regexMessage?: string;
                        };
                    }[];
                    leadTimeDays?: number;
                    name: string;
                    ownerOrganisationId?: string | null;
                    portalOrderable?: boolean;
                    restricted?: boolean;
                    slaTargets?: {
                        critical?: {
                            resolutionMinutes: number;
                            responseMinutes: number;
                        };
                        high?: {
                            resolutionMinutes: number;
                            responseMinutes: number;
                        };
                        low?: {
                            resolutionMinutes: number;
                            responseMinutes: number;
                        };
                        medium?: {
                            resolutionMinutes: number;
                            responseMinutes: number;
                        };
                    };
                    /** @enum {string} */
                    status?: "draft" | "active";
                    subcategory?: string | null;
                    teamFieldId?: string | null;
                    teamL1Id?: string | null;
                    teamL2Id?: string | null;
                    teamL3Id?: string | null;
                    /** @enum {string} */
                    type: "incident" | "service_request" | "both";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Service */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
        };
    };
    CatalogController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
        };
    };
    CatalogController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowedOrganisationIds?: string[];
                    /** @enum {string} */
                    approval?: "none" | "requester_head" | "catalog_owner";
                    calendarCode?: string;
                    category?: string;
                    code?: string;
                    description?: string | null;
                    form?: {
                        help?: string;
                        key: string;
                        label: string;
                        /** @default false */
                        required?: boolean;
                        requiredWhen?: {
                            field: string;
                            values: string[];
                        };
                        showWhen?: {
                            field: string;
                            values: string[];
                        };
                        /** @enum {string} */
                        type: "text" | "long_text" | "number" | "date" | "date_range" | "select" | "multi_select" | "email" | "phone" | "ipv4_cidr" | "url" | "port_list" | "user_picker" | "file";
                        validation?: {
                            integer?: boolean;
                            max?: number;
                            maxLength?: number;
                            min?: number;
                            minLength?: number;
                            options?: string[];
                            regex?: string;
                            regexMessage?: string;
                        };
                    }[];
                    leadTimeDays?: number;
                    name?: string;
                    ownerOrganisationId?: string | null;
                    portalOrderable?: boolean;
                    restricted?: boolean;
                    slaTargets?: {
                        critical?: {
                            resolutionMinutes: number;
                            responseMinutes: number;
                        };
                        high?: {
                            resolutionMinutes: number;
                            responseMinutes: number;
                        };
                        low?: {
                            resolutionMinutes: number;
                            responseMinutes: number;
                        };
                        medium?: {
                            resolutionMinutes: number;
                            responseMinutes: number;
                        };
                    };
                    subcategory?: string | null;
                    teamFieldId?: string | null;
                    teamL1Id?: string | null;
                    teamL2Id?: string | null;
                    teamL3Id?: string | null;
                    /** @enum {string} */
                    type?: "incident" | "service_request" | "both";
                    version?: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
        };
    };
    CatalogController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
        };
    };
    CatalogController_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
        };
    };
    CatalogController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description ServiceVersions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceVersions"];
                };
            };
        };
    };
    CatalogController_export: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description The whole catalog as a file (catalogo.json or catalogo.csv), as the import reads it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "text/csv": string;
                };
            };
        };
    };
    CatalogController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    content?: string;
                    /** @enum {string} */
                    format: "json" | "csv";
                    services?: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description CatalogImportResult */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogImportResult"];
                };
            };
        };
    };
    TicketIndicatorsController_documentedServices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description DocumentedIndicator */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentedIndicator"];
                };
            };
        };
    };
    OrganisationsController_removeLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_updateLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    building?: string | null;
                    municipality?: string;
                    name?: string;
                    state?: string | null;
                    version?: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Location */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Me */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description ApiTokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokens"];
                };
            };
        };
    };
    AuthController_createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expiresInDays?: number | null;
                    name: string;
                    /**
                     * @default read_only
                     * @enum {string}
                     */
                    scope?: "read_only" | "read_write";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description CreatedApiToken */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
        };
    };
    AuthController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notifications"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description NotificationPreferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
        };
    };
    NotificationsController_setPreference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channel: string;
                    kind: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description NotificationPreferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_list: {
        parameters: {
            query?: {
                isActive?: "true" | "false";
                kind?: "dependency" | "responsible_unit" | "area";
                page?: number;
                pageSize?: number;
                parentId?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description OrganisationPage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPage"];
                };
            };
        };
    };
    OrganisationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    email?: string | null;
                    headUserId?: string | null;
                    /** @enum {string} */
                    kind: "dependency" | "responsible_unit" | "area";
                    name: string;
                    parentId?: string | null;
                    requestersSeeUnitTickets?: boolean;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Organisation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
        };
    };
    OrganisationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description OrganisationDetail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationDetail"];
                };
            };
        };
    };
    OrganisationsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                    email?: string | null;
                    headUserId?: string | null;
                    isActive?: boolean;
                    name?: string;
                    parentId?: string | null;
                    requestersSeeUnitTickets?: boolean;
                    version?: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Organisation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
        };
    };
    OrganisationsController_history: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description AuditPage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
        };
    };
    OrganisationsController_locations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Locations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Locations"];
                };
            };
        };
    };
    OrganisationsController_createLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    building?: string | null;
                    municipality: string;
                    name: string;
                    state?: string | null;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Location */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
        };
    };
    PriorityMatrixController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description PriorityMatrix */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriorityMatrix"];
                };
            };
        };
    };
    PriorityMatrixController_set: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cells: {
                        /** @enum {string} */
                        impact: "high" | "medium" | "low";
                        /** @enum {string} */
                        priority: "critical" | "high" | "medium" | "low";
                        /** @enum {string} */
                        urgency: "high" | "medium" | "low";
                    }[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description PriorityMatrix */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriorityMatrix"];
                };
            };
        };
    };
    UsersController_roles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Roles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roles"];
                };
            };
        };
    };
    SavedFiltersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description SavedFilters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFilters"];
                };
            };
        };
    };
    SavedFiltersController_save: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    query: {
                        [key: string]: string | string[];
                    };
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description SavedFilter */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFilter"];
                };
            };
        };
    };
    SavedFiltersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                q?: string;
                supportLevel?: "1" | "2" | "3" | "field";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TeamPage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPage"];
                };
            };
        };
    };
    TeamsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    coordinatorId?: string | null;
                    description?: string | null;
                    memberIds?: string[];
                    name: string;
                    /** @enum {string} */
                    supportLevel: "1" | "2" | "3" | "field";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Team */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
        };
    };
    TeamsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
        };
    };
    TeamsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TeamsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    coordinatorId?: string | null;
                    description?: string | null;
                    isActive?: boolean;
                    name?: string;
                    /** @enum {string} */
                    supportLevel?: "1" | "2" | "3" | "field";
                    version?: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
        };
    };
    TeamsController_setMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userIds: string[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
        };
    };
    TextModulesController_list: {
        parameters: {
            query?: {
                q?: string;
                view?: "use" | "manage";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TextModules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextModules"];
                };
            };
        };
    };
    TextModulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    isActive?: boolean;
                    /** @default [] */
                    keywords?: string[];
                    name: string;
                    /** @enum {string} */
                    scope: "global" | "team";
                    teamId?: string | null;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TextModule */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextModule"];
                };
            };
        };
    };
    TextModulesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TextModule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextModule"];
                };
            };
        };
    };
    TextModulesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TextModulesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: string;
                    isActive?: boolean;
                    keywords?: string[];
                    name?: string;
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TextModule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextModule"];
                };
            };
        };
    };
    TextModulesController_render: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    ticketId: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description RenderedTextModule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedTextModule"];
                };
            };
        };
    };
    TicketsController_list: {
        parameters: {
            query?: {
                assigneeId?: string;
                organisationId?: string;
                page?: number;
                pageSize?: number;
                priority?: ("critical" | "high" | "medium" | "low")[];
                q?: string;
                requesterId?: string;
                serviceId?: string;
                sort?: "due" | "-due" | "created" | "-created" | "priority" | "updated" | "-updated";
                state?: ("new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled")[];
                teamId?: string;
                type?: "incident" | "service_request" | "complaint";
                unitId?: string;
                view?: "all" | "mine" | "team" | "unassigned" | "pending" | "open";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TicketPage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
        };
    };
    TicketsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category?: string | null;
                    /** @enum {string} */
                    channel?: "portal" | "email" | "phone" | "letter" | "e_signature" | "walk_in" | "field";
                    description: string;
                    formData?: {
                        [key: string]: unknown;
                    };
                    /** @enum {string} */
                    impact?: "high" | "medium" | "low";
                    isMajor?: boolean;
                    letterNumber?: string | null;
                    /** Format: uuid */
                    requesterId?: string;
                    serviceId?: string | null;
                    title: string;
                    /**
                     * @default incident
                     * @enum {string}
                     */
                    type?: "incident" | "service_request" | "complaint";
                    /** @enum {string} */
                    urgency?: "high" | "medium" | "low";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TicketDetail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetail"];
                };
            };
        };
    };
    TicketsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category?: string | null;
                    description?: string;
                    /** @enum {string} */
                    impact?: "high" | "medium" | "low";
                    isMajor?: boolean;
                    letterAnswer?: string | null;
                    letterNumber?: string | null;
                    reason?: string;
                    serviceId?: string | null;
                    title?: string;
                    /** @enum {string} */
                    type?: "incident" | "service_request" | "complaint";
                    /** @enum {string} */
                    urgency?: "high" | "medium" | "low";
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_approval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "reject";
                    reason?: string;
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_articles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Articles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Articles"];
                };
            };
        };
    };
    TicketsController_addArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /**
                     * @default public
                     * @enum {string}
                     */
                    kind?: "public" | "internal";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Article */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
        };
    };
    TicketsController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assigneeId?: string | null;
                    reason?: string;
                    teamId?: string | null;
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_listAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Attachments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachments"];
                };
            };
        };
    };
    TicketsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: uuid */
                    articleId?: string;
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Attachment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
        };
    };
    TicketsController_escalate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    assigneeId?: string;
                    /** @enum {string} */
                    kind: "functional" | "hierarchical";
                    reason: string;
                    /** Format: uuid */
                    teamId?: string;
                    /** @enum {string} */
                    toLevel?: "1" | "2" | "3" | "field";
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TicketHistory */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketHistory"];
                };
            };
        };
    };
    TicketsController_listLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TicketLinks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketLinks"];
                };
            };
        };
    };
    TicketsController_addLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "duplicate_of" | "caused_by" | "parent_of" | "related_to";
                    /** Format: uuid */
                    toTicketId: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description CreatedLink */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedLink"];
                };
            };
        };
    };
    TicketsController_removeLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    intoTicketId: string;
                    reason?: string;
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description MergeResult */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeResult"];
                };
            };
        };
    };
    TicketsController_moreTime: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_proposeSolution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    solution: string;
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_requesterContext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description RequesterContext */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequesterContext"];
                };
            };
        };
    };
    TicketsController_returnToCoordinator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_take: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version?: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    pendingReason?: "requester" | "third_party" | "scheduled_visit";
                    /** Format: date-time */
                    pendingUntil?: string;
                    reason?: string;
                    solution?: string;
                    /** @enum {string} */
                    to: "new" | "assigned" | "in_progress" | "pending" | "resolved" | "closed" | "declined" | "cancelled";
                    version: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
        };
    };
    TicketsController_bulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "assign" | "priority" | "close";
                    /** Format: uuid */
                    assigneeId?: string;
                    /** @enum {string} */
                    impact?: "high" | "medium" | "low";
                    reason?: string;
                    /** Format: uuid */
                    teamId?: string;
                    ticketIds: string[];
                    /** @enum {string} */
                    urgency?: "high" | "medium" | "low";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description BulkResults */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResults"];
                };
            };
        };
    };
    TicketsController_counters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TicketCounters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketCounters"];
                };
            };
        };
    };
    TicketsController_events: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Server-Sent Events: `ticket` events with the changed ticket id, `notification` events when the user’s notifications change, and keep-alive comments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
        };
    };
    TicketsController_lookup: {
        parameters: {
            query: {
                limit?: number;
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TicketLookup */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketLookup"];
                };
            };
        };
    };
    TicketsController_myAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description MyAction */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyAction"];
                };
            };
        };
    };
    TicketsController_overview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description TicketOverview */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketOverview"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                isActive?: "true" | "false";
                organisationId?: string;
                page?: number;
                pageSize?: number;
                q?: string;
                role?: "requester" | "agent_l1" | "resolver_l2" | "resolver_l3" | "team_coordinator" | "field_technician" | "field_chief" | "desk_coordinator" | "director" | "problem_manager" | "change_manager" | "catalog_manager" | "admin";
                staff?: "true" | "false";
                teamId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description UserPage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    fullName: string;
                    isVip?: boolean;
                    organisationId?: string | null;
                    password: string;
                    phone?: string | null;
                    roles: ("requester" | "agent_l1" | "resolver_l2" | "resolver_l3" | "team_coordinator" | "field_technician" | "field_chief" | "desk_coordinator" | "director" | "problem_manager" | "change_manager" | "catalog_manager" | "admin")[];
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description User */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description User */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    fullName?: string;
                    isActive?: boolean;
                    isVip?: boolean;
                    organisationId?: string | null;
                    phone?: string | null;
                    roles?: ("requester" | "agent_l1" | "resolver_l2" | "resolver_l3" | "team_coordinator" | "field_technician" | "field_chief" | "desk_coordinator" | "director" | "problem_manager" | "change_manager" | "catalog_manager" | "admin")[];
                    version?: number;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description User */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newPassword: string;
                };
            };
        };
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description ApiTokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokens"];
                };
            };
        };
    };
    UsersController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Problem"];
            "5XX": components["responses"]["Problem"];
            /** @description Done; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
