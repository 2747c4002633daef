// Every error the emulated API answers, as the server's RestException carries it: a status and a text/plain body.

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(body);
  }
}

// The server appends the .NET stack trace to the message; one frame is enough to show clients must not parse it.
const STACK_FRAME = '   at TeamSupport.Api.RestProcessor.Process()';

export const failures = {
  notFound: (): ApiFailure => new ApiFailure(404, 'Error Code: NotFound'),
  methodNotAllowed: (): ApiFailure => new ApiFailure(405, 'Error Code: MethodNotAllowed'),
  /** the object exists but belongs to another organisation */
  otherOrganisation: (): ApiFailure => new ApiFailure(401, 'Error Code: Unauthorized'),
  /** PUT of an action id that does not exist */
  badRequest: (): ApiFailure => new ApiFailure(400, 'Error Code: BadRequest'),
  invalidTicketTypeFilter: (): ApiFailure => new ApiFailure(406, 'Invalid TicketTypeID to filter.'),
  pagingQueryFailed: (): ApiFailure =>
    new ApiFailure(500, 'There was an error processing your request. Please contact TeamSupport.com'),
  internal: (message: string): ApiFailure =>
    new ApiFailure(500, `Internal Server Error: ${message}${STACK_FRAME}`),
  /** what an unknown ticket, action, product, version or user id turns into: the lookup returns null */
  missingObject: (): ApiFailure => failures.internal('Object reference not set to an instance of an object.'),
  unsupportedFormat: (): ApiFailure => new ApiFailure(400, 'Invalid data format'),
};
